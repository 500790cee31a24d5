import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { workloadNetworkAllowlistMissing } from './workload-network-allowlist-missing';

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

const DENY_ALL = '{podSelector: {}, policyTypes: [Ingress, Egress]}';
const INGRESS_RULES = 'ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}]}]';
const EGRESS_RULES = 'egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]';
const ALLOW_BOTH = `{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress, Egress], ${INGRESS_RULES}, ${EGRESS_RULES}}`;

describe('workload-network-allowlist-missing', () => {
  it('reports a workload no policy selects, saying so, with its pod labels as evidence', () => {
    const { findings, result } = runCheck(
      workloadNetworkAllowlistMissing,
      deployment +
        policy('db', `{podSelector: {matchLabels: {app: db}}, policyTypes: [Ingress], ${INGRESS_RULES}}`),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
        message:
          'Pods of Deployment web are selected by no NetworkPolicy, so none of their ingress or egress flows ' +
          'are declared',
        evidence: { path: 'spec.template.metadata.labels', value: { app: 'web', tier: 'front' } },
      }),
    ]);
  });

  it('reports a workload covered only by a default-deny, naming both directions', () => {
    const { findings } = runCheck(
      workloadNetworkAllowlistMissing,
      deployment + policy('default-deny', DENY_ALL),
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      'Pods of Deployment web have no declared ingress or egress rules: the NetworkPolicies selecting them ' +
        '(default-deny) deny all ingress without allowing any and deny all egress without allowing any',
    ]);
  });

  it('names the direction left to deny-all when the other has allow rules', () => {
    const { findings } = runCheck(
      workloadNetworkAllowlistMissing,
      deployment +
        policy('default-deny', DENY_ALL) +
        policy('web-ingress', `{podSelector: {matchLabels: {app: web}}, ${INGRESS_RULES}}`),
    );
    expect(findings[0]?.message).toBe(
      'Pods of Deployment web have no declared egress rules: the NetworkPolicies selecting them ' +
        '(default-deny, web-ingress) deny all egress without allowing any',
    );
  });

  it('names a direction no policy restricts', () => {
    const { findings } = runCheck(
      workloadNetworkAllowlistMissing,
      deployment +
        policy(
          'web-egress',
          `{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], ${EGRESS_RULES}}`,
        ),
    );
    expect(findings[0]?.message).toBe(
      'Pods of Deployment web have no declared ingress rules: the NetworkPolicies selecting them (web-egress) ' +
        'leave ingress unrestricted',
    );
  });

  it('ignores rules of a direction the policy does not list in policyTypes', () => {
    const manifests =
      deployment +
      policy(
        'web',
        `{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress], ${INGRESS_RULES}, ${EGRESS_RULES}}`,
      );
    expect(runCheck(workloadNetworkAllowlistMissing, manifests).findings[0]?.message).toBe(
      'Pods of Deployment web have no declared egress rules: the NetworkPolicies selecting them (web) leave ' +
        'egress unrestricted',
    );
  });

  it('passes a policy with allow rules in both directions', () => {
    const { findings, result } = runCheck(
      workloadNetworkAllowlistMissing,
      deployment + policy('web', ALLOW_BOTH),
    );
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('passes allow rules split across two policies, one selecting by matchExpressions', () => {
    const manifests =
      deployment +
      policy('default-deny', DENY_ALL) +
      policy(
        'web-ingress',
        `{podSelector: {matchExpressions: [{key: tier, operator: In, values: [front]}]}, ${INGRESS_RULES}}`,
      ) +
      policy('web-egress', `{podSelector: {matchLabels: {app: web}}, ${EGRESS_RULES}}`);
    expect(runCheck(workloadNetworkAllowlistMissing, manifests).findings).toEqual([]);
  });

  it('does not count policies of another namespace, malformed selectors or malformed rules', () => {
    const manifests =
      deployment +
      policy('elsewhere', ALLOW_BOTH.replace('{app: web}', '{}'), 'other') +
      policy('malformed-selector', ALLOW_BOTH.replace('{matchLabels: {app: web}}', '"app=web"')) +
      policy(
        'malformed-rules',
        '{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress, Egress], ingress: "all", egress: [allow]}',
      );
    expect(runCheck(workloadNetworkAllowlistMissing, manifests).findings[0]?.message).toBe(
      'Pods of Deployment web have no declared ingress or egress rules: the NetworkPolicies selecting them ' +
        '(malformed-rules) deny all ingress without allowing any and deny all egress without allowing any',
    );
  });

  it('reports a bare pod without labels, pointing at metadata.labels', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: debug, namespace: shop}\nspec: {containers: [{name: sh}]}\n';
    const { findings } = runCheck(workloadNetworkAllowlistMissing, pod);
    expect(findings[0]?.evidence).toEqual({ path: 'metadata.labels' });
  });

  it('is not evaluated when NetworkPolicies could not be read', () => {
    const { result } = runCheck(workloadNetworkAllowlistMissing, deployment, {
      coverageGaps: [{ kind: 'NetworkPolicy', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
