import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { containerAddedCapabilities } from './container-added-capabilities';

const pod = (add: unknown, extra: object = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      ...extra,
      containers: [{ name: 'app', securityContext: { capabilities: { drop: ['ALL'], add } } }],
    },
  });

describe('container-added-capabilities', () => {
  it('reports each added capability other than NET_BIND_SERVICE', () => {
    const { findings, result } = runCheck(
      containerAddedCapabilities,
      pod(['NET_BIND_SERVICE', 'chown', 'CAP_SETUID']),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings.map((finding) => [finding.message, finding.evidence])).toEqual([
      [
        'Container app adds the chown capability',
        { path: 'spec.containers[0].securityContext.capabilities.add[1]', value: 'chown' },
      ],
      [
        'Container app adds the CAP_SETUID capability',
        { path: 'spec.containers[0].securityContext.capabilities.add[2]', value: 'CAP_SETUID' },
      ],
    ]);
  });

  it('leaves dangerous capabilities to container-dangerous-capabilities', () => {
    expect(runCheck(containerAddedCapabilities, pod(['SYS_ADMIN', 'ALL'])).result.status).toBe(
      CheckStatus.Passed,
    );
  });

  it('passes NET_BIND_SERVICE alone, and no additions', () => {
    for (const add of [['cap_net_bind_service'], undefined, 'NET_BIND_SERVICE']) {
      expect(runCheck(containerAddedCapabilities, pod(add)).result.status).toBe(CheckStatus.Passed);
    }
  });

  it('skips Windows pods', () => {
    expect(
      runCheck(containerAddedCapabilities, pod(['CHOWN'], { os: { name: 'windows' } })).findings,
    ).toEqual([]);
  });
});
