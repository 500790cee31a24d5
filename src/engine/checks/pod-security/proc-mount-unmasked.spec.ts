import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { procMountUnmasked } from './proc-mount-unmasked';

const pod = (spec: object) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec });

describe('proc-mount-unmasked', () => {
  it('reports procMount Unmasked on any container', () => {
    const { findings, result } = runCheck(
      procMountUnmasked,
      pod({
        containers: [{ name: 'app' }],
        initContainers: [{ name: 'setup', securityContext: { procMount: 'Unmasked' } }],
      }),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'setup',
      message: "Container setup mounts /proc with procMount Unmasked, without the runtime's masks",
      evidence: { path: 'spec.initContainers[0].securityContext.procMount', value: 'Unmasked' },
    });
  });

  it('reports any other non-Default value, malformed ones included', () => {
    for (const procMount of ['Other', 'default', 1]) {
      expect(
        runCheck(procMountUnmasked, pod({ containers: [{ name: 'app', securityContext: { procMount } }] }))
          .findings,
      ).toHaveLength(1);
    }
  });

  it('passes Default and an unset procMount', () => {
    const { result } = runCheck(
      procMountUnmasked,
      pod({ containers: [{ name: 'app', securityContext: { procMount: 'Default' } }, { name: 'sidecar' }] }),
    );
    expect(result.status).toBe(CheckStatus.Passed);
  });
});
