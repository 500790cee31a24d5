import { objectCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { BINDING_KINDS, bindingLabel, isPlatformBinding, roleRefLabel, roleRefOf } from './support/bindings';
import { resolveRole } from './support/roles';

export const rbacBindingRoleMissing = objectCheck(
  {
    id: 'rbac-binding-role-missing',
    title: 'Binding references a role that does not exist',
    rationale:
      'A binding to a missing Role or ClusterRole grants nothing today, but its subjects silently receive ' +
      'whatever a role created later under that name holds, and nobody reviewing that role will see who it is ' +
      'already bound to. It is usually a typo or a leftover from a removed component.',
    severity: Severity.Low,
    layer: Layer.Orchestrator,
    phase: Phase.Develop,
    principles: [Principle.Authorization],
    references: {
      nsa: ['authn-authz/rbac'],
    },
    remediation: {
      text: 'Correct roleRef to the intended role, or delete the binding if the role was removed on purpose.',
      patch: ['roleRef:', '  apiGroup: rbac.authorization.k8s.io', '  kind: Role', '  name: app-reader'].join(
        '\n',
      ),
    },
  },
  { kinds: BINDING_KINDS, requires: ['Role', 'ClusterRole'] },
  (binding, inventory) => {
    if (isPlatformBinding(binding)) {
      return undefined;
    }
    const name = bindingLabel(binding);
    const ref = roleRefOf(binding);
    if (!('kind' in ref)) {
      return {
        message: `${name} references no usable role: ${ref.problem}`,
        path: 'roleRef',
        value: binding['roleRef'],
      };
    }
    if (resolveRole(inventory, binding, ref).status !== 'missing') {
      return undefined;
    }
    const where = ref.kind === 'Role' ? ` in namespace ${binding.metadata.namespace ?? '(none)'}` : '';
    return {
      message: `${name} references ${roleRefLabel(ref)}, which does not exist${where}`,
      path: 'roleRef.name',
      value: ref.name,
    };
  },
);
