import { DEFAULT_EXEMPTIONS } from '../../exemptions';
import { asArray, isRecord } from '../../inventory/guards';
import type { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';

export const VALIDATING_WEBHOOKS = 'ValidatingWebhookConfiguration';
export const MUTATING_WEBHOOKS = 'MutatingWebhookConfiguration';
export const VALIDATING_ADMISSION_POLICY = 'ValidatingAdmissionPolicy';
export const VALIDATING_ADMISSION_POLICY_BINDING = 'ValidatingAdmissionPolicyBinding';

export enum AdmissionToolRole {
  /** Enforces general policy on what may run (pod security, labels, registries...). */
  PolicyEngine = 'policy-engine',
  /** Verifies image signatures or attestations before a pod is admitted. */
  ImageVerifier = 'image-verifier',
  /** A security product that gates admission as one of its features. */
  SecurityTool = 'security-tool',
}

export interface AdmissionTool {
  name: string;
  role: AdmissionToolRole;
  /** Matched against configuration and webhook names, the webhook service name and namespace, and its URL. */
  pattern: RegExp;
}

/** Admission tools recognised by the names their charts and operators give their webhooks and services. */
export const ADMISSION_TOOLS: readonly AdmissionTool[] = [
  { name: 'Kyverno', role: AdmissionToolRole.PolicyEngine, pattern: /kyverno/i },
  { name: 'OPA Gatekeeper', role: AdmissionToolRole.PolicyEngine, pattern: /gatekeeper/i },
  { name: 'OPA', role: AdmissionToolRole.PolicyEngine, pattern: /(?:^|[^a-z])opa(?:[^a-z]|$)/i },
  { name: 'Kubewarden', role: AdmissionToolRole.PolicyEngine, pattern: /kubewarden/i },
  { name: 'jsPolicy', role: AdmissionToolRole.PolicyEngine, pattern: /jspolicy/i },
  { name: 'Datree', role: AdmissionToolRole.PolicyEngine, pattern: /datree/i },
  { name: 'Polaris', role: AdmissionToolRole.PolicyEngine, pattern: /polaris/i },
  { name: 'k-rail', role: AdmissionToolRole.PolicyEngine, pattern: /k-rail/i },
  {
    name: 'Sigstore policy-controller',
    role: AdmissionToolRole.ImageVerifier,
    pattern: /sigstore|cosign-system/i,
  },
  { name: 'Connaisseur', role: AdmissionToolRole.ImageVerifier, pattern: /connaisseur/i },
  { name: 'Ratify', role: AdmissionToolRole.ImageVerifier, pattern: /ratify/i },
  { name: 'Portieris', role: AdmissionToolRole.ImageVerifier, pattern: /portieris/i },
  { name: 'NeuVector', role: AdmissionToolRole.SecurityTool, pattern: /neuvector/i },
  { name: 'StackRox', role: AdmissionToolRole.SecurityTool, pattern: /stackrox|rhacs/i },
  { name: 'Aqua KubeEnforcer', role: AdmissionToolRole.SecurityTool, pattern: /kube-enforcer|aquasec/i },
  { name: 'Prisma Cloud', role: AdmissionToolRole.SecurityTool, pattern: /twistlock|prisma-cloud/i },
  { name: 'Sysdig', role: AdmissionToolRole.SecurityTool, pattern: /sysdig/i },
];

/** One entry of `webhooks[]` with the tools its names point to. */
export interface RecognisedWebhook {
  webhook: Record<string, unknown>;
  index: number;
  name: string;
  tools: readonly AdmissionTool[];
}

/** A webhook configuration with the admission tools it belongs to. */
export interface RecognisedConfiguration {
  object: KubeObject;
  tools: readonly AdmissionTool[];
  webhooks: readonly RecognisedWebhook[];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The strings that identify a webhook: its name, its service and namespace, its URL. */
function webhookIdentity(webhook: Record<string, unknown>): string[] {
  const clientConfig = isRecord(webhook['clientConfig']) ? webhook['clientConfig'] : {};
  const service = isRecord(clientConfig['service']) ? clientConfig['service'] : {};
  return [
    text(webhook['name']),
    text(service['name']),
    text(service['namespace']),
    text(clientConfig['url']),
  ];
}

function toolsNamedBy(identities: readonly string[]): AdmissionTool[] {
  return ADMISSION_TOOLS.filter((tool) =>
    identities.some((identity) => identity !== '' && tool.pattern.test(identity)),
  );
}

function recognise(object: KubeObject): RecognisedConfiguration {
  const configTools = toolsNamedBy([object.metadata.name ?? '']);
  const webhooks = asArray<unknown>(object['webhooks']).flatMap((entry, index) => {
    if (!isRecord(entry)) {
      return [];
    }
    const own = toolsNamedBy(webhookIdentity(entry));
    const tools = [...new Set([...configTools, ...own])];
    return [{ webhook: entry, index, name: text(entry['name']) || `webhooks[${index}]`, tools }];
  });
  const tools = [...new Set([...configTools, ...webhooks.flatMap((webhook) => webhook.tools)])];
  return { object, tools, webhooks };
}

export interface AdmissionIndex {
  validating: readonly RecognisedConfiguration[];
  mutating: readonly RecognisedConfiguration[];
  /** The recognised form of a validating or mutating webhook configuration of the inventory. */
  byObject: ReadonlyMap<KubeObject, RecognisedConfiguration>;
}

const indexes = new WeakMap<Inventory, AdmissionIndex>();

/** Webhook configurations with the tools they belong to, built once per inventory. */
export function admissionIndex(inventory: Inventory): AdmissionIndex {
  let index = indexes.get(inventory);
  if (!index) {
    const validating = inventory.objects(VALIDATING_WEBHOOKS).map(recognise);
    const mutating = inventory.objects(MUTATING_WEBHOOKS).map(recognise);
    const byObject = new Map([...validating, ...mutating].map((config) => [config.object, config]));
    index = { validating, mutating, byObject };
    indexes.set(inventory, index);
  }
  return index;
}

/** Tools of a role found in a set of configurations, by name, in catalogue order. */
export function toolsWithRole(
  configurations: readonly RecognisedConfiguration[],
  role: AdmissionToolRole,
): string[] {
  const found = new Set(
    configurations.flatMap((config) => config.tools.filter((tool) => tool.role === role)),
  );
  return ADMISSION_TOOLS.filter((tool) => found.has(tool)).map((tool) => tool.name);
}

/** The kinds `admissionConfigurationVisible` reads: checks that call it need them. */
export const ADMISSION_VISIBILITY_KINDS: readonly string[] = [
  VALIDATING_WEBHOOKS,
  MUTATING_WEBHOOKS,
  VALIDATING_ADMISSION_POLICY,
  'Node',
];

/**
 * Whether the inventory says anything about cluster-scoped admission configuration. Plain manifest scans hold
 * none of these (a chart may carry Namespaces, so they do not count); a live or snapshot source holds Nodes or
 * knows the server version. Without any of them, a missing policy engine cannot be told from an unscanned one.
 */
export function admissionConfigurationVisible(inventory: Inventory): boolean {
  return (
    inventory.cluster.version !== undefined ||
    ADMISSION_VISIBILITY_KINDS.some((kind) => inventory.objects(kind).length > 0)
  );
}

export const ADMISSION_CONFIGURATION_NOT_VISIBLE =
  'cluster-scoped admission configuration not in the inventory';

/**
 * ValidatingAdmissionPolicies that are in force: bound by a ValidatingAdmissionPolicyBinding. When the
 * inventory holds no bindings at all they may simply not have been collected, so every policy counts.
 */
export function boundAdmissionPolicies(inventory: Inventory): KubeObject[] {
  const policies = inventory.objects(VALIDATING_ADMISSION_POLICY);
  const bindings = inventory.objects(VALIDATING_ADMISSION_POLICY_BINDING);
  if (bindings.length === 0) {
    return [...policies];
  }
  const bound = new Set(
    bindings.map((binding) => (isRecord(binding['spec']) ? text(binding['spec']['policyName']) : '')),
  );
  return policies.filter((policy) => bound.has(policy.metadata.name ?? ''));
}

export const PSA_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
export const PSA_ENFORCE_PATH = `metadata.labels["${PSA_ENFORCE_LABEL}"]`;
export const PSA_LEVELS: readonly string[] = ['privileged', 'baseline', 'restricted'];

/** Namespaces the platform owns; their admission exemptions are the platform's business, not the client's. */
export const SYSTEM_NAMESPACES: readonly string[] = DEFAULT_EXEMPTIONS.namespaces;

export function isUserNamespace(namespace: KubeObject): boolean {
  return !SYSTEM_NAMESPACES.includes(namespace.metadata.name ?? '');
}

/** The raw Pod Security Admission enforce label of a Namespace (undefined when absent). */
export function enforceLabelOf(namespace: KubeObject): unknown {
  const labels: unknown = namespace.metadata.labels;
  return isRecord(labels) ? labels[PSA_ENFORCE_LABEL] : undefined;
}
