import type { Container } from '../../../kube-types';
import { hasProbe, imageOf, parseImage } from './containers';

describe('parseImage', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.25', { repository: 'nginx', tag: '1.25' }],
    ['library/nginx:latest', { repository: 'library/nginx', tag: 'latest' }],
    ['registry:5000/app', { registry: 'registry:5000', repository: 'app' }],
    ['registry:5000/team/app:2.1', { registry: 'registry:5000', repository: 'team/app', tag: '2.1' }],
    ['localhost/app:dev', { registry: 'localhost', repository: 'app', tag: 'dev' }],
    ['ghcr.io/org/tool', { registry: 'ghcr.io', repository: 'org/tool' }],
    ['Registry/app', { registry: 'Registry', repository: 'app' }],
    ['nginx:', { repository: 'nginx:' }],
  ])('reads %s', (image, expected) => {
    expect(parseImage(image)).toEqual(expected);
  });

  it('reads a digest beside a tag, and ignores what only looks like one', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseImage(`docker.io/library/nginx:1.25@${digest}`)).toEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
      tag: '1.25',
      digest,
    });
    expect(parseImage('nginx@latest')).toEqual({ repository: 'nginx' });
  });

  it('takes only non-empty string images', () => {
    expect(imageOf({ image: ' nginx:1 ' })).toBe('nginx:1');
    expect(imageOf({ image: '' })).toBeUndefined();
    expect(imageOf({ image: 42 } as unknown as Container)).toBeUndefined();
    expect(imageOf({})).toBeUndefined();
  });
});

describe('hasProbe', () => {
  it('needs a probe with a handler', () => {
    expect(hasProbe({ livenessProbe: { httpGet: { port: 80 } } }, 'livenessProbe')).toBe(true);
    expect(hasProbe({ livenessProbe: {} }, 'livenessProbe')).toBe(false);
    expect(hasProbe({ readinessProbe: 'yes' } as unknown as Container, 'readinessProbe')).toBe(false);
  });
});
