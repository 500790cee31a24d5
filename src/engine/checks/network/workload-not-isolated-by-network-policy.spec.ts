import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { workloadNotIsolatedByNetworkPolicy } from './workload-not-isolated-by-network-policy';

const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      containers: [{name: app, image: shop:1.0}]
`;

const policy = (name: string, spec: string, namespace = 'shop') => `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: ${namespace}}
spec: ${spec}
`;

describe('workload-not-isolated-by-network-policy', () => {
  it('reports a workload no policy selects, with its pod labels as evidence', () => {
    const { findings, result } = runCheck(
      workloadNotIsolatedByNetworkPolicy,
      deployment + policy('db', '{podSelector: {matchLabels: {app: db}}, policyTypes: [Ingress, Egress]}'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
        message:
          'Pods of Deployment web are not isolated: no NetworkPolicy selects them, so all ingress and egress traffic ' +
          'is allowed',
        evidence: { path: 'spec.template.metadata.labels', value: { app: 'web', tier: 'front' } },
      }),
    ]);
  });

  it('reports the missing direction when policies isolate only one', () => {
    const ingressOnly = runCheck(
      workloadNotIsolatedByNetworkPolicy,
      deployment + policy('web', '{podSelector: {matchLabels: {app: web}}, ingress: [{}]}'),
    );
    expect(ingressOnly.findings[0]?.message).toBe(
      'Pods of Deployment web are not isolated: no NetworkPolicy selecting them restricts egress, so all egress ' +
        'traffic is allowed',
    );
    const egressOnly = runCheck(
      workloadNotIsolatedByNetworkPolicy,
      deployment +
        policy('web', '{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], ingress: [{}]}'),
    );
    expect(egressOnly.findings[0]?.message).toContain('restricts ingress');
  });

  it('passes a default-deny policy, which isolates both directions without any rule', () => {
    const { findings, result } = runCheck(
      workloadNotIsolatedByNetworkPolicy,
      deployment + policy('default-deny', '{podSelector: {}, policyTypes: [Ingress, Egress]}'),
    );
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('combines policies and implies Egress from egress rules when policyTypes is omitted', () => {
    const manifests =
      deployment +
      policy('ingress', '{podSelector: {matchExpressions: [{key: tier, operator: In, values: [front]}]}}') +
      policy('egress', '{podSelector: {matchLabels: {app: web}}, egress: [{to: [{podSelector: {}}]}]}');
    expect(runCheck(workloadNotIsolatedByNetworkPolicy, manifests).findings).toEqual([]);
  });

  it('ignores policies of other namespaces and malformed selectors', () => {
    const manifests =
      deployment +
      policy('elsewhere', '{podSelector: {}, policyTypes: [Ingress, Egress]}', 'other') +
      policy('malformed', '{podSelector: "app=web", policyTypes: [Ingress, Egress]}');
    expect(runCheck(workloadNotIsolatedByNetworkPolicy, manifests).findings).toHaveLength(1);
  });

  it('reports a bare pod without labels, pointing at metadata.labels', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: debug, namespace: shop}\nspec: {containers: [{name: sh}]}\n';
    const { findings } = runCheck(workloadNotIsolatedByNetworkPolicy, pod);
    expect(findings[0]?.evidence).toEqual({ path: 'metadata.labels' });
  });

  it('is not evaluated when NetworkPolicies could not be read', () => {
    const { result } = runCheck(workloadNotIsolatedByNetworkPolicy, deployment, {
      coverageGaps: [{ kind: 'NetworkPolicy', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
