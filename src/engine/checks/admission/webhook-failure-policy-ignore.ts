import { objectCheck, type Violation } from '../../check';
import type { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import {
  admissionIndex,
  MUTATING_WEBHOOKS,
  type RecognisedConfiguration,
  type RecognisedWebhook,
  VALIDATING_WEBHOOKS,
} from './support';

/**
 * Kyverno registers these fail-open on purpose: the `-ignore` webhooks only receive requests for policies that
 * themselves declare `failurePolicy: Ignore`, and the monitor webhook is a health probe that guards nothing.
 */
const FAIL_OPEN_BY_DESIGN = [/\.kyverno\.svc-ignore$/, /^monitor-webhooks\.kyverno\.svc$/];

function recognisedConfiguration(
  object: KubeObject,
  inventory: Inventory,
): RecognisedConfiguration | undefined {
  return admissionIndex(inventory).byObject.get(object);
}

/** `Ignore` when set so, or when left out of a v1beta1 configuration, whose default it was. */
function failsOpen(object: KubeObject, webhook: Record<string, unknown>): boolean {
  const policy = webhook['failurePolicy'];
  return policy === 'Ignore' || (policy === undefined && (object.apiVersion ?? '').endsWith('/v1beta1'));
}

function violationOf(object: KubeObject, recognised: RecognisedWebhook): Violation {
  const tools = recognised.tools.map((tool) => tool.name).join(', ');
  const policy = recognised.webhook['failurePolicy'];
  const path = `webhooks[${recognised.index}].failurePolicy`;
  const message =
    `Webhook ${recognised.name} of ${tools} fails open` +
    (policy === undefined ? ' (failurePolicy defaults to Ignore in admissionregistration v1beta1)' : '') +
    ': requests are admitted unchecked whenever it is unreachable';
  return policy === undefined
    ? { message, path, detail: recognised.name }
    : { message, path, value: policy, detail: recognised.name };
}

export const webhookFailurePolicyIgnore = objectCheck(
  {
    id: 'webhook-failure-policy-ignore',
    title: 'Policy webhook fails open',
    rationale:
      'With `failurePolicy: Ignore` the API server admits a request unchecked when the webhook times out or is ' +
      'down. Anyone who can crash, starve or partition the policy service (or just wait for an upgrade) gets ' +
      'past every rule it enforces, and nothing records that the policy was skipped.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Deploy,
    principles: [Principle.Admission],
    references: {
      nsa: ['pod-security/enforcement'],
      mitre: ['T1562.001'],
    },
    remediation: {
      text:
        'Set `failurePolicy: Fail` on the webhooks that enforce security policy, run the policy service with ' +
        'several replicas and a PodDisruptionBudget, and exclude only the namespaces it needs to start itself.',
      patch: ['webhooks:', '  - name: validate.policy.example.com', '    failurePolicy: Fail'].join('\n'),
    },
  },
  {
    kinds: [VALIDATING_WEBHOOKS, MUTATING_WEBHOOKS],
    filter: (object, inventory) => (recognisedConfiguration(object, inventory)?.tools.length ?? 0) > 0,
  },
  (object, inventory) =>
    (recognisedConfiguration(object, inventory)?.webhooks ?? [])
      .filter((recognised) => recognised.tools.length > 0 && failsOpen(object, recognised.webhook))
      .filter((recognised) => !FAIL_OPEN_BY_DESIGN.some((pattern) => pattern.test(recognised.name)))
      .map((recognised) => violationOf(object, recognised)),
);
