import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { containerCapabilitiesNotDropped } from './container-capabilities-not-dropped';
import { DEFAULT_CAPABILITIES } from './support/capabilities';

const pod = (containers: object[], extra: object = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { ...extra, containers },
  });

const dropping = (drop: unknown, add?: unknown) => ({
  name: 'app',
  securityContext: { capabilities: { drop, add } },
});

describe('container-capabilities-not-dropped', () => {
  it('reports a container without a drop list and names the capabilities it keeps', () => {
    const { findings, result } = runCheck(containerCapabilitiesNotDropped, pod([{ name: 'app' }]));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      container: 'app',
      evidence: { path: 'spec.containers[0].securityContext.capabilities.drop' },
    });
    expect(findings[0]!.message).toBe(
      `Container app does not drop ALL capabilities and keeps ${DEFAULT_CAPABILITIES.join(', ')}`,
    );
  });

  it('reports a partial drop list with the list as evidence', () => {
    const { findings } = runCheck(containerCapabilitiesNotDropped, pod([dropping(['NET_RAW', 'CHOWN'])]));
    expect(findings[0]!.evidence.value).toEqual(['NET_RAW', 'CHOWN']);
    expect(findings[0]!.message).not.toContain('NET_RAW,');
    expect(findings[0]!.message).toContain('AUDIT_WRITE, DAC_OVERRIDE');
  });

  it('passes ALL in any case, and an explicit drop of every default capability', () => {
    for (const drop of [
      ['ALL'],
      ['all'],
      DEFAULT_CAPABILITIES.map((capability) => `cap_${capability.toLowerCase()}`),
    ]) {
      expect(runCheck(containerCapabilitiesNotDropped, pod([dropping(drop)])).result.status).toBe(
        CheckStatus.Passed,
      );
    }
  });

  it('ignores pod-level capabilities, which Kubernetes does not have', () => {
    const { findings } = runCheck(
      containerCapabilitiesNotDropped,
      pod([{ name: 'app' }], { securityContext: { capabilities: { drop: ['ALL'] } } }),
    );
    expect(findings).toHaveLength(1);
  });

  it('does not accept a bare string as a drop list', () => {
    expect(runCheck(containerCapabilitiesNotDropped, pod([dropping('ALL')])).findings).toHaveLength(1);
  });

  it('covers init containers and skips Windows pods', () => {
    const { findings } = runCheck(
      containerCapabilitiesNotDropped,
      pod([dropping(['ALL'])], { initContainers: [{ name: 'setup' }] }),
    );
    expect(findings.map((finding) => finding.container)).toEqual(['setup']);
    expect(
      runCheck(containerCapabilitiesNotDropped, pod([{ name: 'app' }], { os: { name: 'windows' } })).findings,
    ).toEqual([]);
  });
});
