import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { seccompProfileNotSet } from './seccomp-profile-not-set';

const deployment = (podSpec: object, annotations: object = {}) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      annotations: ${JSON.stringify(annotations)}
    spec: ${JSON.stringify(podSpec)}
`;

const withProfile = (profile: unknown) => ({
  containers: [{ name: 'app', securityContext: { seccompProfile: profile } }],
});

describe('seccomp-profile-not-set', () => {
  it('reports a container with no profile anywhere', () => {
    const { findings, result } = runCheck(
      seccompProfileNotSet,
      deployment({ containers: [{ name: 'app' }] }),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Deployment', name: 'web' },
      message: 'Container app sets no seccomp profile and runs Unconfined unless the kubelet defaults it',
      evidence: { path: 'spec.template.spec.containers[0].securityContext.seccompProfile' },
    });
  });

  it('passes RuntimeDefault or Localhost set on the pod or the container', () => {
    for (const spec of [
      { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app' }] },
      withProfile({ type: 'Localhost', localhostProfile: 'profiles/app.json' }),
    ]) {
      expect(runCheck(seccompProfileNotSet, deployment(spec)).result.status).toBe(CheckStatus.Passed);
    }
  });

  it('reports an explicit Unconfined, even when only a container overrides the pod', () => {
    const { findings } = runCheck(
      seccompProfileNotSet,
      deployment({
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          { name: 'app' },
          { name: 'sidecar', securityContext: { seccompProfile: { type: 'Unconfined' } } },
        ],
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'sidecar',
      message: 'Container sidecar runs with seccomp explicitly Unconfined',
      evidence: {
        path: 'spec.template.spec.containers[1].securityContext.seccompProfile.type',
        value: 'Unconfined',
      },
    });
  });

  it('reports malformed profiles as ones the kubelet cannot apply', () => {
    const { findings } = runCheck(seccompProfileNotSet, deployment(withProfile('RuntimeDefault')));
    expect(findings[0]).toMatchObject({
      message: 'Container app sets a seccomp profile the kubelet cannot apply',
      evidence: { value: 'RuntimeDefault' },
    });
  });

  it('honours the legacy annotations on old clusters and on manifests', () => {
    const pod = { containers: [{ name: 'app' }, { name: 'sidecar' }] };
    const annotations = {
      'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
      'container.seccomp.security.alpha.kubernetes.io/sidecar': 'unconfined',
    };
    for (const clusterVersion of [undefined, 'v1.26.3']) {
      const { findings } = runCheck(
        seccompProfileNotSet,
        deployment(pod, annotations),
        clusterVersion ? { clusterVersion } : {},
      );
      expect(findings.map((finding) => [finding.container, finding.evidence])).toEqual([
        [
          'sidecar',
          {
            path: 'spec.template.metadata.annotations["container.seccomp.security.alpha.kubernetes.io/sidecar"]',
            value: 'unconfined',
          },
        ],
      ]);
    }
  });

  it('explains that the annotations are ignored from 1.27 on, with the line of the annotation', () => {
    const { findings } = runCheck(
      seccompProfileNotSet,
      deployment(
        { containers: [{ name: 'app' }] },
        { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' },
      ),
      { clusterVersion: 'v1.29.4' },
    );
    expect(findings[0]).toMatchObject({
      message:
        'Container app relies on a seccomp annotation that Kubernetes ignores since 1.27; no seccomp profile applies',
      evidence: {
        path: 'spec.template.metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"]',
        value: 'runtime/default',
      },
      source: { file: 'test.yaml', line: 8 },
    });
  });

  it('covers init containers and skips Windows pods', () => {
    const { findings } = runCheck(
      seccompProfileNotSet,
      deployment({ initContainers: [{ name: 'setup' }], ...withProfile({ type: 'RuntimeDefault' }) }),
    );
    expect(findings.map((finding) => finding.container)).toEqual(['setup']);
    expect(
      runCheck(seccompProfileNotSet, deployment({ os: { name: 'windows' }, containers: [{ name: 'app' }] }))
        .findings,
    ).toEqual([]);
  });
});
