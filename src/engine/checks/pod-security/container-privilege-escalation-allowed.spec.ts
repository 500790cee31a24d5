import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { containerPrivilegeEscalationAllowed } from './container-privilege-escalation-allowed';

const deployment = (podSpec: object) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { template: { spec: podSpec } },
  });

const app = (securityContext?: unknown) => ({ name: 'app', image: 'nginx:1.25', securityContext });

describe('container-privilege-escalation-allowed', () => {
  it('reports a container that does not set the field, pointing where to set it', () => {
    const { findings, result } = runCheck(
      containerPrivilegeEscalationAllowed,
      deployment({ containers: [app()] }),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      message: 'Container app does not set allowPrivilegeEscalation: false',
      evidence: { path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation' },
    });
    expect(findings[0]!.evidence).not.toHaveProperty('value');
  });

  it('reports an explicit true, and a quoted "false" that the API would not accept', () => {
    for (const value of [true, 'false']) {
      const { findings } = runCheck(
        containerPrivilegeEscalationAllowed,
        deployment({ containers: [app({ allowPrivilegeEscalation: value })] }),
      );
      expect(findings[0]).toMatchObject({
        message: 'Container app allows privilege escalation',
        evidence: { value },
      });
    }
  });

  it('ignores a pod-level value, which Kubernetes does not have', () => {
    const { findings } = runCheck(
      containerPrivilegeEscalationAllowed,
      deployment({ securityContext: { allowPrivilegeEscalation: false }, containers: [app()] }),
    );
    expect(findings).toHaveLength(1);
  });

  it('reports privileged containers and CAP_SYS_ADMIN even when the field says false', () => {
    const { findings } = runCheck(
      containerPrivilegeEscalationAllowed,
      deployment({
        containers: [
          app({ allowPrivilegeEscalation: false, privileged: true }),
          {
            name: 'sidecar',
            securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['cap_sys_admin'] } },
          },
        ],
      }),
    );
    expect(findings.map((finding) => [finding.container, finding.evidence])).toEqual([
      ['app', { path: 'spec.template.spec.containers[0].securityContext.privileged', value: true }],
      [
        'sidecar',
        {
          path: 'spec.template.spec.containers[1].securityContext.capabilities.add[0]',
          value: 'cap_sys_admin',
        },
      ],
    ]);
    expect(findings[1]!.message).toBe(
      'Container sidecar adds cap_sys_admin, which always allows privilege escalation',
    );
  });

  it('covers init and ephemeral containers', () => {
    const { findings } = runCheck(
      containerPrivilegeEscalationAllowed,
      deployment({
        initContainers: [{ name: 'setup' }],
        containers: [app({ allowPrivilegeEscalation: false })],
        ephemeralContainers: [{ name: 'debug' }],
      }),
    );
    expect(findings.map((finding) => finding.container)).toEqual(['setup', 'debug']);
  });

  it('passes containers that set false, and skips Windows pods', () => {
    expect(
      runCheck(
        containerPrivilegeEscalationAllowed,
        deployment({ containers: [app({ allowPrivilegeEscalation: false })] }),
      ).result.status,
    ).toBe(CheckStatus.Passed);
    expect(
      runCheck(
        containerPrivilegeEscalationAllowed,
        deployment({ os: { name: 'windows' }, containers: [app()] }),
      ).findings,
    ).toEqual([]);
  });

  it('tolerates a malformed security context', () => {
    const { findings } = runCheck(
      containerPrivilegeEscalationAllowed,
      deployment({ containers: [app('privileged')] }),
    );
    expect(findings).toHaveLength(1);
  });
});
