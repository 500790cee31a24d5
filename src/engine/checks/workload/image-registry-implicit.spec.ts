import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { imageRegistryImplicit } from './image-registry-implicit';

const pod = (image: string) => `
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  containers: [{name: app, image: "${image}"}]
`;

describe('image-registry-implicit', () => {
  it.each(['nginx:1.25', 'bitnami/redis:7.2'])('reports %s, which names no registry', (image) => {
    const { findings, result } = runCheck(imageRegistryImplicit, pod(image));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Pod', namespace: 'shop', name: 'web' },
      message: `Container app uses image ${image} without a registry host, so the node picks the registry`,
      evidence: { path: 'spec.containers[0].image', value: image },
    });
  });

  it.each(['docker.io/library/nginx:1.25', 'registry:5000/app', 'localhost/app:dev', 'quay.io/org/app'])(
    'passes %s, which names its registry',
    (image) => {
      expect(runCheck(imageRegistryImplicit, pod(image)).findings).toEqual([]);
    },
  );

  it('leaves a container without an image to image-tag-not-specific', () => {
    expect(runCheck(imageRegistryImplicit, pod('   ')).findings).toEqual([]);
  });
});
