import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacNodesProxy } from './rbac-nodes-proxy';

const clusterRole = (rules: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: monitoring}
rules: ${rules}
`;

describe('rbac-nodes-proxy', () => {
  it('reports get on nodes/proxy', () => {
    const { findings } = runCheck(
      rbacNodesProxy,
      clusterRole('[{apiGroups: [""], resources: [nodes, nodes/proxy], verbs: [get, list]}]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      message:
        'ClusterRole monitoring allows get nodes/proxy: its subjects can call the kubelet API, including exec ' +
        'into any container on the node, unaudited',
      evidence: { path: 'rules[0]' },
    });
  });

  it('reports */proxy, which the API server expands to nodes/proxy', () => {
    const { findings } = runCheck(
      rbacNodesProxy,
      clusterRole('[{apiGroups: [""], resources: ["*/proxy"], verbs: [create]}]'),
    );
    expect(findings[0]?.message).toContain('create nodes/proxy (through a wildcard)');
  });

  it('passes node metrics and stats', () => {
    const rules = '[{apiGroups: [""], resources: [nodes/metrics, nodes/stats], verbs: [get]}]';
    expect(runCheck(rbacNodesProxy, clusterRole(rules)).result.status).toBe(CheckStatus.Passed);
  });
});
