import { CLUSTER_RESOURCE, clusterCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import {
  ADMISSION_CONFIGURATION_NOT_VISIBLE,
  admissionConfigurationVisible,
  admissionIndex,
  AdmissionToolRole,
  ADMISSION_VISIBILITY_KINDS,
  boundAdmissionPolicies,
  toolsWithRole,
  VALIDATING_ADMISSION_POLICY_BINDING,
} from './support';

export const policyEngineMissing = clusterCheck(
  {
    id: 'policy-engine-missing',
    title: 'No policy engine gates admission',
    rationale:
      'Pod Security Admission covers only the Pod Security Standards. Rules about registries, labels, ' +
      'resource limits, Service exposure or who may use which namespace need a policy engine (Kyverno, ' +
      'Gatekeeper, Kubewarden...) or ValidatingAdmissionPolicies; without either, nothing stops a manifest ' +
      'that breaks them from reaching the cluster.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Deploy,
    principles: [Principle.Admission],
    references: {
      cis: ['5.2.1'],
      nsa: ['pod-security/enforcement'],
      mitre: ['T1610'],
      kubescape: ['C-0192'],
    },
    remediation: {
      text:
        'Install a policy engine (or write ValidatingAdmissionPolicies) and enforce at least the rules your ' +
        'findings keep repeating: trusted registries, no privileged pods, resource limits.',
      patch: [
        'apiVersion: admissionregistration.k8s.io/v1',
        'kind: ValidatingAdmissionPolicy',
        'metadata:',
        '  name: trusted-registries',
        'spec:',
        '  failurePolicy: Fail',
        '  matchConstraints:',
        '    resourceRules:',
        '      - apiGroups: [""]',
        '        apiVersions: [v1]',
        '        operations: [CREATE, UPDATE]',
        '        resources: [pods]',
        '  validations:',
        "    - expression: object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))",
      ].join('\n'),
    },
  },
  {
    requires: [...ADMISSION_VISIBILITY_KINDS, VALIDATING_ADMISSION_POLICY_BINDING],
    precondition: (inventory) =>
      admissionConfigurationVisible(inventory) ? undefined : ADMISSION_CONFIGURATION_NOT_VISIBLE,
  },
  (inventory) => {
    const engines = toolsWithRole(admissionIndex(inventory).validating, AdmissionToolRole.PolicyEngine);
    if (engines.length > 0 || boundAdmissionPolicies(inventory).length > 0) {
      return undefined;
    }
    return {
      resource: CLUSTER_RESOURCE,
      message:
        'No policy engine validating webhook (Kyverno, Gatekeeper, Kubewarden, jsPolicy...) and no bound ' +
        'ValidatingAdmissionPolicy was found',
      path: 'validatingWebhookConfigurations',
    };
  },
);
