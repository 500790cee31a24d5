import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { containerDangerousCapabilities } from './container-dangerous-capabilities';

const pod = (containers: object[], extra: object = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { ...extra, containers },
  });

const adding = (name: string, add: unknown) => ({ name, securityContext: { capabilities: { add } } });

describe('container-dangerous-capabilities', () => {
  it('reports one finding per dangerous capability, whatever its spelling', () => {
    const { findings, result } = runCheck(
      containerDangerousCapabilities,
      pod([adding('app', ['NET_BIND_SERVICE', 'cap_sys_admin', 'nEt_aDmIn', 'SYS_MODULE'])]),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings.map((finding) => [finding.evidence, finding.container])).toEqual([
      [{ path: 'spec.containers[0].securityContext.capabilities.add[1]', value: 'cap_sys_admin' }, 'app'],
      [{ path: 'spec.containers[0].securityContext.capabilities.add[2]', value: 'nEt_aDmIn' }, 'app'],
      [{ path: 'spec.containers[0].securityContext.capabilities.add[3]', value: 'SYS_MODULE' }, 'app'],
    ]);
    expect(findings[2]!.message).toBe(
      'Container app adds SYS_MODULE, which allows loading kernel modules into the node kernel',
    );
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(3);
  });

  it('reports ALL in any case', () => {
    const { findings } = runCheck(containerDangerousCapabilities, pod([adding('app', ['all'])]));
    expect(findings[0]!.message).toContain('grants every capability');
  });

  it('reads a bare string as a one-item list', () => {
    const { findings } = runCheck(containerDangerousCapabilities, pod([adding('app', 'SYS_PTRACE')]));
    expect(findings[0]!.evidence).toEqual({
      path: 'spec.containers[0].securityContext.capabilities.add',
      value: 'SYS_PTRACE',
    });
  });

  it('passes default-set capabilities, NET_RAW, empty or missing lists', () => {
    for (const add of [['NET_BIND_SERVICE', 'CHOWN', 'NET_RAW'], null, [], [42]]) {
      expect(runCheck(containerDangerousCapabilities, pod([adding('app', add)])).result.status).toBe(
        CheckStatus.Passed,
      );
    }
  });

  it('covers init and ephemeral containers and skips Windows pods', () => {
    const spec = {
      initContainers: [adding('setup', ['BPF'])],
      ephemeralContainers: [adding('debug', ['SYS_PTRACE'])],
    };
    const { findings } = runCheck(containerDangerousCapabilities, pod([{ name: 'app' }], spec));
    expect(findings.map((finding) => finding.container)).toEqual(['setup', 'debug']);
    expect(
      runCheck(
        containerDangerousCapabilities,
        pod([adding('app', ['SYS_ADMIN'])], { os: { name: 'windows' } }),
      ).findings,
    ).toEqual([]);
  });
});
