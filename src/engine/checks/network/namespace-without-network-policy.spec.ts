import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { NO_EXEMPTIONS } from '../../exemptions';
import { namespaceWithoutNetworkPolicy } from './namespace-without-network-policy';

const namespace = (name: string) => `
---
apiVersion: v1
kind: Namespace
metadata: {name: ${name}}
`;

const policy = (namespaceName: string, apiVersion = 'networking.k8s.io/v1', kind = 'NetworkPolicy') => `
---
apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: deny, namespace: ${namespaceName}}
spec: {podSelector: {}}
`;

describe('namespace-without-network-policy', () => {
  it('reports a namespace that holds no NetworkPolicy', () => {
    const { findings, result } = runCheck(
      namespaceWithoutNetworkPolicy,
      namespace('shop') + namespace('billing') + policy('billing'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'v1', kind: 'Namespace', name: 'shop' },
        message: 'Namespace shop has no NetworkPolicy: its pods accept and open any connection',
        evidence: { path: 'metadata.name', value: 'shop' },
        source: { file: 'test.yaml', line: 5 },
      }),
    ]);
  });

  it('counts Calico and Cilium policies of the namespace', () => {
    const { findings } = runCheck(
      namespaceWithoutNetworkPolicy,
      namespace('shop') +
        policy('shop', 'projectcalico.org/v3') +
        namespace('billing') +
        policy('billing', 'cilium.io/v2', 'CiliumNetworkPolicy'),
    );
    expect(findings).toEqual([]);
  });

  it('leaves the platform namespaces out, even without default exemptions', () => {
    const manifests = namespace('kube-system') + namespace('kube-public') + namespace('kube-node-lease');
    expect(runCheck(namespaceWithoutNetworkPolicy, manifests).result.status).toBe(CheckStatus.NotApplicable);
    expect(
      runCheck(namespaceWithoutNetworkPolicy, manifests, { exemptions: NO_EXEMPTIONS }).findings,
    ).toEqual([]);
  });

  it('does not infer namespaces from namespaced objects when no Namespace object is present', () => {
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n' +
      'spec: {template: {spec: {containers: [{name: app}]}}}\n';
    expect(runCheck(namespaceWithoutNetworkPolicy, deployment).result.status).toBe(CheckStatus.NotApplicable);
  });

  it('is not evaluated when NetworkPolicies could not be read', () => {
    const { result } = runCheck(namespaceWithoutNetworkPolicy, namespace('shop'), {
      coverageGaps: [{ kind: 'NetworkPolicy', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
