import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { imageNotPinnedByDigest } from './image-not-pinned-by-digest';

const DIGEST = `sha256:${'0a'.repeat(32)}`;

const deployment = (image: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      initContainers: [{name: setup, image: "busybox@${DIGEST}"}]
      containers: [{name: app, image: "${image}"}]
`;

describe('image-not-pinned-by-digest', () => {
  it('reports an image referenced by tag', () => {
    const { findings, result } = runCheck(
      imageNotPinnedByDigest,
      deployment('registry.example.com/web:1.4.2'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      message: 'Container app uses image registry.example.com/web:1.4.2 by tag, not by digest',
      evidence: { path: 'spec.template.spec.containers[0].image', value: 'registry.example.com/web:1.4.2' },
    });
  });

  it('passes digests, with or without a tag beside them', () => {
    expect(runCheck(imageNotPinnedByDigest, deployment(`web@${DIGEST}`)).result.status).toBe(
      CheckStatus.Passed,
    );
    expect(runCheck(imageNotPinnedByDigest, deployment(`web:1.4.2@${DIGEST}`)).findings).toEqual([]);
  });

  it('does not accept something after @ that is not a digest', () => {
    expect(runCheck(imageNotPinnedByDigest, deployment('web@sha256:short')).findings).toHaveLength(1);
  });

  it('leaves a container without an image to image-tag-not-specific', () => {
    expect(runCheck(imageNotPinnedByDigest, deployment('')).findings).toEqual([]);
  });
});
