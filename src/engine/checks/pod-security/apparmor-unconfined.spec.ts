import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { apparmorUnconfined } from './apparmor-unconfined';

const pod = (spec: object, annotations: object = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'shop', annotations },
    spec,
  });

describe('apparmor-unconfined', () => {
  it('reports the annotation opting a container out of AppArmor', () => {
    const { findings, result } = runCheck(
      apparmorUnconfined,
      pod(
        { containers: [{ name: 'app' }, { name: 'sidecar' }] },
        { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' },
      ),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'app',
      message: 'Container app runs with AppArmor explicitly unconfined',
      evidence: {
        path: 'metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]',
        value: 'unconfined',
      },
    });
  });

  it('reports the pod-level field for every container that does not override it', () => {
    const { findings } = runCheck(
      apparmorUnconfined,
      pod({
        securityContext: { appArmorProfile: { type: 'Unconfined' } },
        initContainers: [{ name: 'setup' }],
        containers: [{ name: 'app', securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }],
      }),
    );
    expect(findings.map((finding) => [finding.container, finding.evidence])).toEqual([
      ['setup', { path: 'spec.securityContext.appArmorProfile.type', value: 'Unconfined' }],
    ]);
  });

  it('reports a container-level Unconfined field', () => {
    const { findings } = runCheck(
      apparmorUnconfined,
      pod({ containers: [{ name: 'app', securityContext: { appArmorProfile: { type: 'Unconfined' } } }] }),
    );
    expect(findings[0]!.evidence.path).toBe('spec.containers[0].securityContext.appArmorProfile.type');
  });

  it('passes the runtime default, Localhost profiles, nothing set, and malformed values', () => {
    const cases: [object, object][] = [
      [{ containers: [{ name: 'app' }] }, {}],
      [
        { containers: [{ name: 'app' }] },
        { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/k8s-app' },
      ],
      [{ containers: [{ name: 'app', securityContext: { appArmorProfile: 'Unconfined' } }] }, {}],
    ];
    for (const [spec, annotations] of cases) {
      expect(runCheck(apparmorUnconfined, pod(spec, annotations)).result.status).toBe(CheckStatus.Passed);
    }
  });
});
