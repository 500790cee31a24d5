import { CLUSTER_RESOURCE, clusterCheck } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import type { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import {
  ADMISSION_CONFIGURATION_NOT_VISIBLE,
  admissionConfigurationVisible,
  admissionIndex,
  AdmissionToolRole,
  ADMISSION_VISIBILITY_KINDS,
  toolsWithRole,
} from './support';

const KYVERNO_POLICY_KINDS = ['ClusterPolicy', 'Policy'];
/** Kyverno 1.14+ policy kinds dedicated to image verification: any one of them verifies images. */
const KYVERNO_IMAGE_POLICY_KINDS = ['ImageValidatingPolicy', 'NamespacedImageValidatingPolicy'];
/** Sigstore policy-controller. */
const SIGSTORE_POLICY_KIND = 'ClusterImagePolicy';
/** Gatekeeper external data providers; Ratify plugs into Gatekeeper as one. */
const GATEKEEPER_PROVIDER_KIND = 'Provider';

function verifiesImages(policy: KubeObject): boolean {
  const spec = policy['spec'];
  return (
    isRecord(spec) &&
    asArray<unknown>(spec['rules']).some((rule) => isRecord(rule) && asArray(rule['verifyImages']).length > 0)
  );
}

function kyvernoInstalled(inventory: Inventory): boolean {
  const { validating, mutating } = admissionIndex(inventory);
  return [...validating, ...mutating].some((config) => config.tools.some((tool) => tool.name === 'Kyverno'));
}

function kyvernoPolicies(inventory: Inventory): readonly KubeObject[] {
  return [...KYVERNO_POLICY_KINDS, ...KYVERNO_IMAGE_POLICY_KINDS].flatMap((kind) => inventory.objects(kind));
}

/** What verifies image signatures in this inventory, by name; empty when nothing does. */
function imageVerifiers(inventory: Inventory): string[] {
  const { validating, mutating } = admissionIndex(inventory);
  const verifiers = toolsWithRole([...validating, ...mutating], AdmissionToolRole.ImageVerifier);
  if (KYVERNO_POLICY_KINDS.some((kind) => inventory.objects(kind).some(verifiesImages))) {
    verifiers.push('Kyverno verifyImages rules');
  }
  if (KYVERNO_IMAGE_POLICY_KINDS.some((kind) => inventory.objects(kind).length > 0)) {
    verifiers.push('Kyverno image validating policies');
  }
  if (inventory.objects(SIGSTORE_POLICY_KIND).length > 0) {
    verifiers.push('Sigstore ClusterImagePolicies');
  }
  if (
    inventory
      .objects(GATEKEEPER_PROVIDER_KIND)
      .some((provider) => /ratify/i.test(provider.metadata.name ?? ''))
  ) {
    verifiers.push('Ratify');
  }
  return verifiers;
}

function notEvaluatedReason(inventory: Inventory): string | undefined {
  if (!admissionConfigurationVisible(inventory)) {
    return ADMISSION_CONFIGURATION_NOT_VISIBLE;
  }
  if (kyvernoInstalled(inventory) && kyvernoPolicies(inventory).length === 0) {
    return 'Kyverno is installed but none of its policies are in the inventory';
  }
  return undefined;
}

export const imageVerificationPolicyMissing = clusterCheck(
  {
    id: 'image-verification-policy-missing',
    title: 'No admission policy verifies image signatures',
    rationale:
      'Tags and registries say where an image claims to come from, not who built it. Without signature or ' +
      'attestation verification at admission, an image pushed by a stolen CI token or a compromised registry ' +
      'account runs like any other.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Distribute,
    principles: [Principle.Admission, Principle.ZeroTrust],
    references: {
      cis: ['5.5.1'],
      nsa: ['pod-security/secure-images'],
      mitre: ['T1204.003', 'T1525'],
    },
    remediation: {
      text:
        'Sign images in CI (e.g. with cosign) and verify the signatures at admission: a Kyverno verifyImages ' +
        'rule, a Sigstore policy-controller ClusterImagePolicy, Connaisseur or Ratify.',
      patch: [
        'apiVersion: kyverno.io/v1',
        'kind: ClusterPolicy',
        'metadata:',
        '  name: verify-image-signatures',
        'spec:',
        '  webhookTimeoutSeconds: 30',
        '  rules:',
        '    - name: verify-signature',
        '      match:',
        '        any:',
        '          - resources:',
        '              kinds: [Pod]',
        '      verifyImages:',
        '        - imageReferences: ["registry.example.com/*"]',
        '          failureAction: Enforce',
        '          attestors:',
        '            - entries:',
        '                - keys:',
        '                    publicKeys: "-----BEGIN PUBLIC KEY-----..."',
      ].join('\n'),
    },
  },
  {
    requires: [
      ...ADMISSION_VISIBILITY_KINDS,
      ...KYVERNO_POLICY_KINDS,
      ...KYVERNO_IMAGE_POLICY_KINDS,
      SIGSTORE_POLICY_KIND,
      GATEKEEPER_PROVIDER_KIND,
    ],
    precondition: notEvaluatedReason,
  },
  (inventory) => {
    if (imageVerifiers(inventory).length > 0) {
      return undefined;
    }
    return {
      resource: CLUSTER_RESOURCE,
      message:
        'No image signature verification was found: no Kyverno verifyImages rule, Sigstore ClusterImagePolicy, ' +
        'Connaisseur, Ratify or Portieris webhook',
      path: 'imageVerificationPolicies',
    };
  },
);
