import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { imageVerificationPolicyMissing } from './image-verification-policy-missing';

const node = 'apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\n';

const kyvernoWebhooks = `
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: kyverno-resource-mutating-webhook-cfg}
webhooks:
  - name: mutate.kyverno.svc-fail
    clientConfig:
      service: {name: kyverno-svc, namespace: kyverno}
`;

const kyvernoPolicy = (rule: string) => `
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: {name: baseline}
spec:
  rules:
    - name: rule
      ${rule}
`;

describe('image-verification-policy-missing', () => {
  it('reports the cluster when nothing verifies image signatures', () => {
    const { findings, result } = runCheck(imageVerificationPolicyMissing, node);
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'v1', kind: 'Cluster', name: 'cluster' },
        evidence: { path: 'imageVerificationPolicies' },
        message: expect.stringContaining('No image signature verification was found') as string,
      }),
    ]);
  });

  it('reports Kyverno when its policies validate but verify no images', () => {
    const manifests = `${node}---${kyvernoWebhooks}---${kyvernoPolicy('validate: {message: no latest}')}`;
    expect(runCheck(imageVerificationPolicyMissing, manifests).findings).toHaveLength(1);
  });

  it('passes a Kyverno policy with verifyImages rules', () => {
    const manifests = `${node}---${kyvernoWebhooks}---${kyvernoPolicy('verifyImages: [{imageReferences: ["*"]}]')}`;
    const { findings, result } = runCheck(imageVerificationPolicyMissing, manifests);
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('does not count an empty verifyImages list, or one that is not a list', () => {
    const manifests = `${node}---${kyvernoWebhooks}---${kyvernoPolicy('verifyImages: []')}---${kyvernoPolicy('verifyImages: yes').replace('baseline', 'other')}`;
    expect(runCheck(imageVerificationPolicyMissing, manifests).findings).toHaveLength(1);
  });

  it.each([
    [
      'a Sigstore ClusterImagePolicy',
      'apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata: {name: signed}\n',
    ],
    [
      'a Kyverno ImageValidatingPolicy',
      'apiVersion: policies.kyverno.io/v1alpha1\nkind: ImageValidatingPolicy\nmetadata: {name: signed}\n',
    ],
    [
      'a Ratify provider for Gatekeeper',
      'apiVersion: externaldata.gatekeeper.sh/v1beta1\nkind: Provider\nmetadata: {name: ratify-gatekeeper-provider}\n',
    ],
    [
      'a Connaisseur webhook',
      'apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata: {name: connaisseur-webhook}\nwebhooks: []\n',
    ],
  ])('passes with %s', (_what, manifest) => {
    expect(runCheck(imageVerificationPolicyMissing, `${node}---\n${manifest}`).findings).toEqual([]);
  });

  it('is not evaluated when Kyverno is installed but none of its policies were collected', () => {
    const { result } = runCheck(imageVerificationPolicyMissing, `${node}---${kyvernoWebhooks}`);
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason: 'Kyverno is installed but none of its policies are in the inventory',
    });
  });

  it('is not evaluated on plain manifests', () => {
    const { result } = runCheck(
      imageVerificationPolicyMissing,
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    );
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason: 'cluster-scoped admission configuration not in the inventory',
    });
  });

  it('is not evaluated when Kyverno policies could not be read', () => {
    const { result } = runCheck(imageVerificationPolicyMissing, node, {
      coverageGaps: [{ kind: 'ClusterPolicy', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
