import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { policyEngineMissing } from './policy-engine-missing';

const node = 'apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\n';

const validatingWebhooks = (name: string, webhookName: string, service: string, namespace: string) => `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: ${name}}
webhooks:
  - name: ${webhookName}
    clientConfig:
      service: {name: ${service}, namespace: ${namespace}}
`;

const certManager = validatingWebhooks(
  'cert-manager-webhook',
  'webhook.cert-manager.io',
  'cert-manager-webhook',
  'cert-manager',
);

describe('policy-engine-missing', () => {
  it('reports the cluster when its webhooks belong to no policy engine', () => {
    const { findings, result } = runCheck(policyEngineMissing, `${node}---${certManager}`);
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'v1', kind: 'Cluster', name: 'cluster' },
        message: expect.stringContaining('No policy engine validating webhook') as string,
      }),
    ]);
  });

  it('reports a live cluster with no webhooks at all (known by its server version)', () => {
    const { findings } = runCheck(
      policyEngineMissing,
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
      {
        clusterVersion: 'v1.31.2',
      },
    );
    expect(findings).toHaveLength(1);
  });

  it.each([
    [
      'Kyverno',
      'kyverno-resource-validating-webhook-cfg',
      'validate.kyverno.svc-fail',
      'kyverno-svc',
      'kyverno',
    ],
    [
      'Gatekeeper',
      'gatekeeper-validating-webhook-configuration',
      'validation.gatekeeper.sh',
      'gatekeeper-webhook-service',
      'gatekeeper-system',
    ],
    [
      'Kubewarden',
      'clusterwide-no-privileged',
      'clusterwide-no-privileged.kubewarden.admission',
      'policy-server-default',
      'kubewarden',
    ],
    [
      'jsPolicy (by its service only)',
      'deny-default-namespace',
      'deny-default-namespace.example.com',
      'jspolicy',
      'jspolicy',
    ],
    ['OPA kube-mgmt', 'opa-validating-webhook', 'validating-webhook.openpolicyagent.org', 'opa', 'opa'],
  ])('passes when %s validates requests', (_engine, name, webhookName, service, namespace) => {
    const { findings, result } = runCheck(
      policyEngineMissing,
      `${node}---${validatingWebhooks(name, webhookName, service, namespace)}`,
    );
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('passes when a ValidatingAdmissionPolicy is bound', () => {
    const manifests = `${node}---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: trusted-registries}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: trusted-registries}
spec: {policyName: trusted-registries, validationActions: [Deny]}
`;
    expect(runCheck(policyEngineMissing, manifests).findings).toEqual([]);
  });

  it('reports a ValidatingAdmissionPolicy that no binding puts in force', () => {
    const manifests = `${node}---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: unused}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: other}
spec: {policyName: something-else}
`;
    expect(runCheck(policyEngineMissing, manifests).findings).toHaveLength(1);
  });

  it('does not count an image verifier or a mutating-only webhook as a policy engine', () => {
    const connaisseur = validatingWebhooks(
      'connaisseur-webhook',
      'connaisseur-svc.connaisseur.svc',
      'connaisseur-svc',
      'connaisseur',
    );
    const mutatingKyverno = `
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: kyverno-resource-mutating-webhook-cfg}
webhooks: []
`;
    expect(
      runCheck(policyEngineMissing, `${node}---${connaisseur}---${mutatingKyverno}`).findings,
    ).toHaveLength(1);
  });

  it('is not evaluated on plain manifests that say nothing about the cluster, even with Namespaces', () => {
    const { findings, result } = runCheck(
      policyEngineMissing,
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n',
    );
    expect(findings).toEqual([]);
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason: 'cluster-scoped admission configuration not in the inventory',
    });
  });

  it('is not evaluated when webhook configurations could not be read', () => {
    const { result } = runCheck(policyEngineMissing, node, {
      coverageGaps: [{ kind: 'ValidatingWebhookConfiguration', reason: 'forbidden' }],
    });
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason: 'ValidatingWebhookConfiguration could not be read: forbidden',
    });
  });

  it('tolerates malformed webhook lists', () => {
    const manifests = `${node}---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: broken}
webhooks: not-a-list
`;
    expect(runCheck(policyEngineMissing, manifests).findings).toHaveLength(1);
  });
});
