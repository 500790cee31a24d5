import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { hostPort } from './host-port';

const pod = (spec: object) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec });

describe('host-port', () => {
  it('reports each host port of each container', () => {
    const { findings, result } = runCheck(
      hostPort,
      pod({
        initContainers: [{ name: 'setup', ports: [{ containerPort: 9000, hostPort: 9000 }] }],
        containers: [
          {
            name: 'app',
            ports: [
              { containerPort: 80, hostPort: 8080 },
              { containerPort: 53, hostPort: 53, protocol: 'UDP' },
              { containerPort: 443 },
            ],
          },
        ],
      }),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings.map((finding) => [finding.container, finding.message, finding.evidence])).toEqual([
      [
        'setup',
        'Container setup binds node port 9000/TCP',
        { path: 'spec.initContainers[0].ports[0].hostPort', value: 9000 },
      ],
      [
        'app',
        'Container app binds node port 8080/TCP',
        { path: 'spec.containers[0].ports[0].hostPort', value: 8080 },
      ],
      [
        'app',
        'Container app binds node port 53/UDP',
        { path: 'spec.containers[0].ports[1].hostPort', value: 53 },
      ],
    ]);
  });

  it('reads a quoted port as set', () => {
    expect(
      runCheck(hostPort, pod({ containers: [{ name: 'app', ports: [{ hostPort: '8080' }] }] })).findings,
    ).toHaveLength(1);
  });

  it('passes container ports, hostPort 0 and malformed port lists', () => {
    for (const ports of [[{ containerPort: 80 }], [{ containerPort: 80, hostPort: 0 }], 'http', [null]]) {
      expect(runCheck(hostPort, pod({ containers: [{ name: 'app', ports }] })).result.status).toBe(
        CheckStatus.Passed,
      );
    }
  });
});
