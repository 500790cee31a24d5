import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { containerNoHardeningProfile } from './container-no-hardening-profile';

const pod = (spec: object, annotations: object = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'shop', annotations },
    spec,
  });

const status = (spec: object, annotations: object = {}, clusterVersion?: string) =>
  runCheck(containerNoHardeningProfile, pod(spec, annotations), clusterVersion ? { clusterVersion } : {})
    .result.status;

describe('container-no-hardening-profile', () => {
  it('reports a container with no hardening at all, pointing at its security context', () => {
    const { findings, result } = runCheck(
      containerNoHardeningProfile,
      pod({ containers: [{ name: 'app' }] }),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      container: 'app',
      message:
        'Container app has no seccomp or AppArmor profile, no SELinux options and drops no capabilities',
      evidence: { path: 'spec.containers[0].securityContext' },
    });
  });

  it('accepts any one mechanism, set on the pod or the container', () => {
    const hardened = [
      { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app' }] },
      {
        containers: [
          {
            name: 'app',
            securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'a.json' } },
          },
        ],
      },
      { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app' }] },
      { securityContext: { seLinuxOptions: { level: 's0:c123,c456' } }, containers: [{ name: 'app' }] },
      {
        containers: [
          { name: 'app', securityContext: { capabilities: { drop: ['NET_RAW'], add: ['CHOWN'] } } },
        ],
      },
    ];
    for (const spec of hardened) {
      expect(status(spec)).toBe(CheckStatus.Passed);
    }
  });

  it('accepts AppArmor annotations only for the container they name', () => {
    const spec = { containers: [{ name: 'app' }, { name: 'sidecar' }] };
    const { findings } = runCheck(
      containerNoHardeningProfile,
      pod(spec, { 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default' }),
    );
    expect(findings.map((finding) => finding.container)).toEqual(['sidecar']);
  });

  it('reports a container that overrides the pod profile with Unconfined, with that evidence', () => {
    const { findings } = runCheck(
      containerNoHardeningProfile,
      pod({
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{ name: 'app', securityContext: { seccompProfile: { type: 'Unconfined' } } }],
      }),
    );
    expect(findings[0]!.message).toContain('(seccomp is Unconfined)');
    expect(findings[0]!.evidence).toEqual({
      path: 'spec.containers[0].securityContext.seccompProfile.type',
      value: 'Unconfined',
    });
  });

  it('does not count empty SELinux options, a seccomp profile without type, or a drop undone by adding ALL', () => {
    const weak = [
      {
        securityContext: { seLinuxOptions: null },
        containers: [{ name: 'app', securityContext: { seLinuxOptions: {} } }],
      },
      { securityContext: { seccompProfile: null }, containers: [{ name: 'app' }] },
      { containers: [{ name: 'app', securityContext: { capabilities: { drop: ['ALL'], add: ['all'] } } }] },
    ];
    for (const spec of weak) {
      expect(status(spec)).toBe(CheckStatus.Failed);
    }
  });

  it('counts the legacy seccomp annotation only on clusters that still honour it', () => {
    const annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' };
    const spec = { containers: [{ name: 'app' }] };
    expect(status(spec, annotations)).toBe(CheckStatus.Passed);
    expect(status(spec, annotations, 'v1.26.5')).toBe(CheckStatus.Passed);
    expect(status(spec, annotations, 'v1.27.0')).toBe(CheckStatus.Failed);
  });

  it('skips Windows pods', () => {
    expect(
      runCheck(containerNoHardeningProfile, pod({ os: { name: 'windows' }, containers: [{ name: 'app' }] }))
        .findings,
    ).toEqual([]);
  });
});
