import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { controlPlaneNodeSchedulable } from './control-plane-node-schedulable';

const node = (name: string, role: string | undefined, spec = '{}') => `
apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels: {${role ? `${role}: ""` : ''}}
spec: ${spec}
`;

describe('control-plane-node-schedulable', () => {
  it('reports a control plane node without a repelling taint', () => {
    const { findings, result } = runCheck(
      controlPlaneNodeSchedulable,
      node('cp-1', 'node-role.kubernetes.io/control-plane'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({ kind: 'Node', name: 'cp-1' }) as unknown,
        layer: 'system',
        phase: 'deploy',
        evidence: { path: 'spec.taints' },
        message:
          'Control plane node cp-1 has no NoSchedule or NoExecute taint: any pod may be scheduled on it',
      }),
    ]);
  });

  it('reports the legacy master role, and shows taints that only prefer other nodes', () => {
    const { findings } = runCheck(
      controlPlaneNodeSchedulable,
      node(
        'master-1',
        'node-role.kubernetes.io/master',
        '{taints: [{key: node-role.kubernetes.io/master, effect: PreferNoSchedule}]}',
      ),
    );
    expect(findings[0]!.evidence).toEqual({
      path: 'spec.taints',
      value: [{ key: 'node-role.kubernetes.io/master', effect: 'PreferNoSchedule' }],
    });
  });

  it('passes tainted or cordoned control plane nodes, and ignores workers', () => {
    const manifests = [
      node(
        'cp-1',
        'node-role.kubernetes.io/control-plane',
        '{taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]}',
      ),
      node(
        'cp-2',
        'node-role.kubernetes.io/control-plane',
        '{taints: [{key: dedicated, value: etcd, effect: NoExecute}]}',
      ),
      node('cp-3', 'node-role.kubernetes.io/control-plane', '{unschedulable: true}'),
      node('worker-1', undefined),
    ].join('---\n');
    const { findings, result } = runCheck(controlPlaneNodeSchedulable, manifests);
    expect(findings).toEqual([]);
    expect(result).toMatchObject({ status: CheckStatus.Passed, evaluated: 3 });
  });

  it('reads malformed taints as no taint', () => {
    expect(
      runCheck(
        controlPlaneNodeSchedulable,
        node('cp-1', 'node-role.kubernetes.io/control-plane', '{taints: NoSchedule}'),
      ).findings,
    ).toHaveLength(1);
  });

  it('is not applicable when no control plane node is visible (managed clusters)', () => {
    expect(runCheck(controlPlaneNodeSchedulable, node('worker-1', undefined)).result.status).toBe(
      CheckStatus.NotApplicable,
    );
  });

  it('is not evaluated without Nodes', () => {
    expect(
      runCheck(controlPlaneNodeSchedulable, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n').result
        .status,
    ).toBe(CheckStatus.NotEvaluated);
  });
});
