import type { Violation } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import {
  componentCheck,
  type ComponentPod,
  ControlPlaneComponent,
  describeTarget,
} from './support/components';
import { missingFlag, writtenFlag } from './support/flag-findings';

function weaknesses(target: ComponentPod): Violation[] {
  const modes = target.flags.listValues('authorization-mode');
  const flag = target.flags.last('authorization-mode')!;
  const subject = describeTarget(target);
  // AlwaysAllow anywhere in the chain allows what the other authorizers have no opinion on: everything.
  if (modes.includes('AlwaysAllow')) {
    return [writtenFlag(target, flag, `${subject} authorizes every request (AlwaysAllow)`, 'always-allow')];
  }
  const found: Violation[] = [];
  if (!modes.includes('RBAC')) {
    found.push(
      writtenFlag(target, flag, `${subject} does not use RBAC authorization (${flag.written})`, 'rbac'),
    );
  }
  if (!modes.includes('Node')) {
    found.push(
      writtenFlag(
        target,
        flag,
        `${subject} does not use the Node authorizer: kubelets are not confined to their own node's objects`,
        'node',
      ),
    );
  }
  return found;
}

export const apiserverAuthorizationModePermissive = componentCheck(
  {
    id: 'apiserver-authorization-mode-permissive',
    title: 'API server authorization is permissive',
    rationale:
      'The authorization mode decides whether RBAC is consulted at all. `AlwaysAllow` (the default when the ' +
      'flag is missing) lets every authenticated identity do anything; without RBAC no Role limits anyone, and ' +
      'without the Node authorizer a kubelet credential can read every Secret in the cluster.',
    severity: Severity.Critical,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authorization],
    references: {
      cis: ['1.2.6', '1.2.7', '1.2.8'],
      nsa: ['authn-authz/rbac'],
      mitre: ['T1078'],
      kubescape: ['C-0118', 'C-0119', 'C-0120'],
    },
    remediation: {
      text:
        'Start kube-apiserver with `--authorization-mode=Node,RBAC` (other authorizers may follow, ' +
        'never AlwaysAllow).',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-apiserver',
        '      command:',
        '        - kube-apiserver',
        '        - --authorization-mode=Node,RBAC',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.ApiServer,
  (target) => {
    if (target.flags.has('authorization-mode')) {
      return weaknesses(target);
    }
    // Authorizers are then listed in the AuthorizationConfiguration file, which the inventory does not hold.
    if (target.flags.has('authorization-config')) {
      return undefined;
    }
    return missingFlag(
      target,
      `${describeTarget(target)} does not set --authorization-mode: it defaults to AlwaysAllow`,
      'always-allow',
    );
  },
);
