import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { webhookFailurePolicyIgnore } from './webhook-failure-policy-ignore';

const configuration = (
  kind: string,
  name: string,
  webhooks: string,
  apiVersion = 'admissionregistration.k8s.io/v1',
) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}}\nwebhooks:\n${webhooks}`;

const webhook = (name: string, service: string, namespace: string, failurePolicy?: string) =>
  `  - name: ${name}\n    clientConfig:\n      service: {name: ${service}, namespace: ${namespace}}\n` +
  (failurePolicy === undefined ? '' : `    failurePolicy: ${failurePolicy}\n`);

describe('webhook-failure-policy-ignore', () => {
  it('reports a Gatekeeper webhook that fails open, naming the tool and the webhook', () => {
    const manifests = configuration(
      'ValidatingWebhookConfiguration',
      'gatekeeper-validating-webhook-configuration',
      webhook('check-ignore-label.gatekeeper.sh', 'gatekeeper-webhook-service', 'gatekeeper-system', 'Fail') +
        webhook('validation.gatekeeper.sh', 'gatekeeper-webhook-service', 'gatekeeper-system', 'Ignore'),
    );
    const { findings, result } = runCheck(webhookFailurePolicyIgnore, manifests);
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({
          kind: 'ValidatingWebhookConfiguration',
          name: 'gatekeeper-validating-webhook-configuration',
        }) as unknown,
        evidence: { path: 'webhooks[1].failurePolicy', value: 'Ignore' },
        message: expect.stringContaining(
          'Webhook validation.gatekeeper.sh of OPA Gatekeeper fails open',
        ) as string,
      }),
    ]);
  });

  it('reports mutating webhooks of security tools too', () => {
    const manifests = configuration(
      'MutatingWebhookConfiguration',
      'stackrox',
      webhook('policyeval.stackrox.io', 'sensor-webhook', 'stackrox', 'Ignore'),
    );
    expect(
      runCheck(webhookFailurePolicyIgnore, manifests).findings.map((finding) => finding.message),
    ).toEqual([expect.stringContaining('of StackRox fails open') as string]);
  });

  it('reads a v1beta1 webhook without failurePolicy as failing open (its default then)', () => {
    const manifests = configuration(
      'ValidatingWebhookConfiguration',
      'opa-validating-webhook',
      webhook('validating-webhook.openpolicyagent.org', 'opa', 'opa'),
      'admissionregistration.k8s.io/v1beta1',
    );
    const { findings } = runCheck(webhookFailurePolicyIgnore, manifests);
    expect(findings[0]!.evidence).toEqual({ path: 'webhooks[0].failurePolicy' });
    expect(findings[0]!.message).toContain('defaults to Ignore');
  });

  it('passes a v1 webhook without failurePolicy (Fail by default) and webhooks set to Fail', () => {
    const manifests = configuration(
      'ValidatingWebhookConfiguration',
      'kyverno-resource-validating-webhook-cfg',
      webhook('validate.kyverno.svc-fail', 'kyverno-svc', 'kyverno', 'Fail') +
        webhook('validate-policy.kyverno.svc', 'kyverno-svc', 'kyverno'),
    );
    const { findings, result } = runCheck(webhookFailurePolicyIgnore, manifests);
    expect(findings).toEqual([]);
    expect(result).toMatchObject({ status: CheckStatus.Passed, evaluated: 1 });
  });

  it("leaves Kyverno's fail-open-by-design webhooks alone", () => {
    const manifests =
      configuration(
        'ValidatingWebhookConfiguration',
        'kyverno-resource-validating-webhook-cfg',
        webhook('validate.kyverno.svc-ignore', 'kyverno-svc', 'kyverno', 'Ignore'),
      ) +
      '---\n' +
      configuration(
        'MutatingWebhookConfiguration',
        'kyverno-verify-mutating-webhook-cfg',
        webhook('monitor-webhooks.kyverno.svc', 'kyverno-svc', 'kyverno', 'Ignore'),
      );
    expect(runCheck(webhookFailurePolicyIgnore, manifests).findings).toEqual([]);
  });

  it('is not applicable to webhooks of tools that enforce no security policy', () => {
    const manifests = configuration(
      'ValidatingWebhookConfiguration',
      'cert-manager-webhook',
      webhook('webhook.cert-manager.io', 'cert-manager-webhook', 'cert-manager', 'Ignore'),
    );
    const { findings, result } = runCheck(webhookFailurePolicyIgnore, manifests);
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.NotApplicable);
  });

  it('recognises a tool by its configuration name even when webhooks are named otherwise', () => {
    const manifests = configuration(
      'ValidatingWebhookConfiguration',
      'datree-webhook',
      webhook('webhook.example.com', 'svc', 'tools', 'Ignore'),
    );
    expect(runCheck(webhookFailurePolicyIgnore, manifests).findings).toHaveLength(1);
  });

  it('skips malformed webhook entries without failing', () => {
    const manifests =
      'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: kyverno-x}\nwebhooks: [3, null]\n';
    const { findings, result } = runCheck(webhookFailurePolicyIgnore, manifests);
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });
});
