import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { selinuxCustomOptions } from './selinux-custom-options';

const pod = (spec: object) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec });

describe('selinux-custom-options', () => {
  it('reports an unconfined type on the pod without naming a container', () => {
    const { findings, result } = runCheck(
      selinuxCustomOptions,
      pod({ securityContext: { seLinuxOptions: { type: 'spc_t' } }, containers: [{ name: 'app' }] }),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      message: 'The pod runs in the SELinux type spc_t instead of a confined container type',
      evidence: { path: 'spec.securityContext.seLinuxOptions.type', value: 'spc_t' },
    });
    expect(findings[0]).not.toHaveProperty('container');
  });

  it('reports a custom user and role per container, init and ephemeral included', () => {
    const { findings } = runCheck(
      selinuxCustomOptions,
      pod({
        initContainers: [{ name: 'setup', securityContext: { seLinuxOptions: { user: 'system_u' } } }],
        containers: [{ name: 'app' }],
        ephemeralContainers: [
          { name: 'debug', securityContext: { seLinuxOptions: { role: 'sysadm_r', type: 42 } } },
        ],
      }),
    );
    expect(findings.map((finding) => [finding.container, finding.evidence.path])).toEqual([
      ['setup', 'spec.initContainers[0].securityContext.seLinuxOptions.user'],
      ['debug', 'spec.ephemeralContainers[0].securityContext.seLinuxOptions.role'],
      ['debug', 'spec.ephemeralContainers[0].securityContext.seLinuxOptions.type'],
    ]);
  });

  it('passes the container types, a level, empty strings and malformed options', () => {
    for (const seLinuxOptions of [
      { type: 'container_t', level: 's0:c1,c2' },
      { type: 'container_engine_t' },
      { user: '', role: '' },
      'spc_t',
    ]) {
      expect(
        runCheck(
          selinuxCustomOptions,
          pod({ containers: [{ name: 'app', securityContext: { seLinuxOptions } }] }),
        ).result.status,
      ).toBe(CheckStatus.Passed);
    }
  });

  it('skips Windows pods', () => {
    expect(
      runCheck(
        selinuxCustomOptions,
        pod({
          os: { name: 'windows' },
          securityContext: { seLinuxOptions: { type: 'spc_t' } },
          containers: [],
        }),
      ).findings,
    ).toEqual([]);
  });
});
