import { Layer, Phase, Principle, Severity } from '../../model';
import { bindingSubjectCheck } from './support/bindings';
import { describeSubject } from './support/subjects';

/** Who each everyone-group stands for. */
const EVERYONE: ReadonlyMap<string, string> = new Map([
  ['system:anonymous', 'any request without credentials'],
  ['system:unauthenticated', 'any request without credentials'],
  ['system:authenticated', 'every identity that can authenticate, including every service account'],
]);

export const rbacBindingToAnonymousOrAllUsers = bindingSubjectCheck(
  {
    id: 'rbac-binding-to-anonymous-or-all-users',
    title: 'Binding grants a role to anonymous or all users',
    rationale:
      'system:anonymous and system:unauthenticated stand for requests carrying no credentials, and ' +
      'system:authenticated for anyone who can log in, every pod service account included (and, with some ' +
      'identity providers, accounts outside the organization). A role bound to them is granted to the whole ' +
      'network or to every workload.',
    severity: Severity.Critical,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authentication, Principle.Authorization, Principle.ZeroTrust],
    references: {
      nsa: ['authn-authz/authentication', 'authn-authz/rbac'],
      kubescape: ['C-0262'],
    },
    remediation: {
      text: 'Bind the role to the specific users, groups or service accounts that need it.',
      patch: [
        'subjects:',
        '  - apiGroup: rbac.authorization.k8s.io',
        '    kind: Group',
        '    name: platform-team',
      ].join('\n'),
    },
  },
  (subject) => {
    const who = subject.name === undefined ? undefined : EVERYONE.get(subject.name);
    if (who === undefined || subject.kind === 'ServiceAccount') {
      return undefined;
    }
    return {
      subject: describeSubject(subject),
      consequence: `that is ${who}`,
      detail: `${subject.kind ?? ''}:${subject.name ?? ''}`,
    };
  },
);
