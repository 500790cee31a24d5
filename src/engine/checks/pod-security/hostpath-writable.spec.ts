import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { hostpathWritable } from './hostpath-writable';

const pod = (containers: object[], initContainers: object[] = []) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'agent', namespace: 'monitoring' },
    spec: {
      initContainers,
      containers,
      volumes: [
        { name: 'logs', hostPath: { path: '/var/log' } },
        { name: 'scratch', emptyDir: {} },
      ],
    },
  });

describe('hostpath-writable', () => {
  it('reports each container that mounts a hostPath volume writable', () => {
    const { findings, result } = runCheck(
      hostpathWritable,
      pod(
        [
          {
            name: 'agent',
            volumeMounts: [
              { name: 'logs', mountPath: '/host/logs' },
              { name: 'scratch', mountPath: '/tmp' },
            ],
          },
          { name: 'reader', volumeMounts: [{ name: 'logs', mountPath: '/logs', readOnly: true }] },
        ],
        [{ name: 'setup', volumeMounts: [{ name: 'logs', mountPath: '/logs', readOnly: false }] }],
      ),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings.map((finding) => [finding.container, finding.message, finding.evidence])).toEqual([
      [
        'setup',
        'Container setup mounts the node path /var/log writable at /logs',
        { path: 'spec.initContainers[0].volumeMounts[0].readOnly', value: false },
      ],
      [
        'agent',
        'Container agent mounts the node path /var/log writable at /host/logs',
        { path: 'spec.containers[0].volumeMounts[0].readOnly' },
      ],
    ]);
  });

  it('reports a volume once per container even when mounted twice', () => {
    const { findings } = runCheck(
      hostpathWritable,
      pod([
        {
          name: 'agent',
          volumeMounts: [
            { name: 'logs', mountPath: '/a' },
            { name: 'logs', mountPath: '/b' },
          ],
        },
      ]),
    );
    expect(findings).toHaveLength(1);
  });

  it('does not accept a quoted "true" as read-only', () => {
    const { findings } = runCheck(
      hostpathWritable,
      pod([{ name: 'agent', volumeMounts: [{ name: 'logs', mountPath: '/logs', readOnly: 'true' }] }]),
    );
    expect(findings[0]!.evidence.value).toBe('true');
  });

  it('passes read-only mounts, unmounted volumes and malformed mount lists', () => {
    for (const volumeMounts of [
      [{ name: 'logs', mountPath: '/logs', readOnly: true }],
      [],
      'logs',
      [null, { name: 3 }],
    ]) {
      expect(runCheck(hostpathWritable, pod([{ name: 'agent', volumeMounts }])).result.status).toBe(
        CheckStatus.Passed,
      );
    }
  });
});
