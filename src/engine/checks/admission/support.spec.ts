import { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';
import {
  admissionConfigurationVisible,
  admissionIndex,
  AdmissionToolRole,
  boundAdmissionPolicies,
  enforceLabelOf,
  isUserNamespace,
  toolsWithRole,
} from './support';

const object = (kind: string, name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name },
  ...extra,
});

const inventoryOf = (...objects: KubeObject[]) =>
  new Inventory({ objects: objects.map((o) => ({ object: o })) });

describe('admission support', () => {
  it('recognises tools by webhook name, service, namespace or URL, and keeps the webhook index', () => {
    const config = object('ValidatingWebhookConfiguration', 'mixed', {
      webhooks: [
        { name: 'a.example.com', clientConfig: { url: 'https://gatekeeper.example.com/v1/admit' } },
        { name: 'b.example.com', clientConfig: { service: { name: 'svc', namespace: 'neuvector' } } },
        'garbage',
        { name: 'c.example.com' },
      ],
    });
    const index = admissionIndex(inventoryOf(config));
    const recognised = index.byObject.get(config)!;
    expect(
      recognised.webhooks.map((webhook) => [webhook.index, webhook.tools.map((tool) => tool.name)]),
    ).toEqual([
      [0, ['OPA Gatekeeper']],
      [1, ['NeuVector']],
      [3, []],
    ]);
    expect(toolsWithRole(index.validating, AdmissionToolRole.PolicyEngine)).toEqual(['OPA Gatekeeper']);
    expect(toolsWithRole(index.validating, AdmissionToolRole.SecurityTool)).toEqual(['NeuVector']);
  });

  it('builds the index once per inventory', () => {
    const inventory = inventoryOf(object('ValidatingWebhookConfiguration', 'kyverno'));
    expect(admissionIndex(inventory)).toBe(admissionIndex(inventory));
  });

  it('does not mistake words that merely contain "opa" for OPA', () => {
    const config = object('ValidatingWebhookConfiguration', 'topaz-webhook', {
      webhooks: [{ name: 'opaque.example.com' }],
    });
    expect(admissionIndex(inventoryOf(config)).validating[0]!.tools).toEqual([]);
  });

  it('sees cluster admission configuration only from cluster-scoped evidence', () => {
    expect(admissionConfigurationVisible(inventoryOf(object('Namespace', 'shop')))).toBe(false);
    expect(admissionConfigurationVisible(inventoryOf(object('Node', 'n1')))).toBe(true);
    expect(
      admissionConfigurationVisible(new Inventory({ objects: [], cluster: { version: 'v1.31.0' } })),
    ).toBe(true);
  });

  it('counts every ValidatingAdmissionPolicy when no bindings were collected', () => {
    expect(boundAdmissionPolicies(inventoryOf(object('ValidatingAdmissionPolicy', 'p')))).toHaveLength(1);
  });

  it('reads the enforce label and tells user namespaces from platform ones', () => {
    expect(
      enforceLabelOf(
        object('Namespace', 'a', {
          metadata: { name: 'a', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } },
        }),
      ),
    ).toBe('baseline');
    expect(enforceLabelOf(object('Namespace', 'a'))).toBeUndefined();
    expect(isUserNamespace(object('Namespace', 'kube-system'))).toBe(false);
    expect(isUserNamespace(object('Namespace', 'default'))).toBe(true);
  });
});
