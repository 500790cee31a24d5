import { objectCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { isPlatformRole, ROLE_KINDS, roleLabel } from './support/roles';
import { rulesOf, type RuleView } from './support/rules';

type RuleField = 'apiGroups' | 'resources' | 'verbs';

const RULE_FIELDS: readonly RuleField[] = ['apiGroups', 'resources', 'verbs'];

function isWildcard(field: RuleField, value: string): boolean {
  return value === '*' || (field === 'resources' && value.startsWith('*/'));
}

function wildcardFields(rule: RuleView): RuleField[] {
  return RULE_FIELDS.filter((field) => rule[field].some((value) => isWildcard(field, value)));
}

export const rbacWildcardRules = objectCheck(
  {
    id: 'rbac-wildcard-rules',
    title: 'Role uses wildcards in its rules',
    rationale:
      'A `*` in verbs, resources or apiGroups grants more than anyone reviewed: it covers verbs such as ' +
      'escalate and impersonate, subresources such as pods/exec, and every API or custom resource installed ' +
      'later. Listing what is needed keeps the grant what it was meant to be.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege, Principle.Authorization],
    references: {
      cis: ['5.1.3'],
      nsa: ['authn-authz/rbac'],
      kubescape: ['C-0187'],
    },
    remediation: {
      text: 'Replace each `*` with the API groups, resources and verbs the role actually needs.',
      patch: [
        'rules:',
        '  - apiGroups: [apps]',
        '    resources: [deployments]',
        '    verbs: [get, list, watch, update, patch]',
      ].join('\n'),
    },
  },
  { kinds: ROLE_KINDS },
  (role) => {
    if (isPlatformRole(role)) {
      return undefined;
    }
    const offending = rulesOf(role)
      .map((rule) => ({ rule, fields: wildcardFields(rule) }))
      .filter(({ fields }) => fields.length > 0);
    const first = offending[0];
    if (!first) {
      return undefined;
    }
    const field = first.fields[0]!;
    const where = offending.map(({ rule, fields }) => `${rule.path} (${fields.join(', ')})`).join(', ');
    return {
      message: `${roleLabel(role)} uses * in ${where}`,
      path: `${first.rule.path}.${field}`,
      value: first.rule.raw[field],
    };
  },
);
