import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { imageTagNotSpecific } from './image-tag-not-specific';

const DIGEST = `sha256:${'0a'.repeat(32)}`;

const pod = (image: string, initImage = 'busybox:1.36') => `
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  initContainers: [{name: setup, image: ${initImage}}]
  containers: [{name: app, image: ${image}}]
`;

describe('image-tag-not-specific', () => {
  it('reports an image without a tag, with the image as evidence', () => {
    const { findings, result } = runCheck(imageTagNotSpecific, pod('nginx'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Pod', namespace: 'shop', name: 'web' },
      message: 'Container app uses image nginx without a tag, so it runs latest',
      evidence: { path: 'spec.containers[0].image', value: 'nginx' },
    });
  });

  it('reports the latest tag, in init containers too', () => {
    const { findings } = runCheck(imageTagNotSpecific, pod('nginx:1.25', 'ghcr.io/org/setup:latest'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'setup',
      message: 'Container setup uses the latest tag of org/setup',
      evidence: { path: 'spec.initContainers[0].image' },
    });
  });

  it('does not take a registry port for a tag', () => {
    const { findings } = runCheck(imageTagNotSpecific, pod('registry:5000/shop/web'));
    expect(findings[0]).toMatchObject({ evidence: { value: 'registry:5000/shop/web' } });
  });

  it('passes specific tags and digest-pinned images, even when the tag says latest', () => {
    expect(runCheck(imageTagNotSpecific, pod('registry:5000/shop/web:1.4.2')).findings).toEqual([]);
    expect(runCheck(imageTagNotSpecific, pod(`nginx@${DIGEST}`)).findings).toEqual([]);
    expect(runCheck(imageTagNotSpecific, pod(`nginx:latest@${DIGEST}`)).findings).toEqual([]);
  });

  it('reports a container that names no usable image', () => {
    const { findings } = runCheck(imageTagNotSpecific, pod('{ref: nginx}'));
    expect(findings[0]).toMatchObject({
      message: 'Container app names no image',
      evidence: { path: 'spec.containers[0].image', value: { ref: 'nginx' } },
    });
  });
});
