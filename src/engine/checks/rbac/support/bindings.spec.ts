import { runCheck } from '../../../../../test/support/check-harness';
import { testMeta } from '../../../../../test/support/check-meta';
import { parseManifests } from '../../../../collectors/manifests/parse-manifests';
import { CheckStatus } from '../../../check-result';
import type { KubeObject } from '../../../kube-types';
import { bindingLabel, bindingSubjectCheck, roleBindingCheck, roleRefOf } from './bindings';
import { describeSubjects } from './subjects';

function objectOf(yaml: string): KubeObject {
  return parseManifests(yaml, 'rbac.yaml').objects[0]!.object;
}

describe('roleRefOf', () => {
  it('reads a valid roleRef and explains an unusable one', () => {
    const binding = (roleRef: string, kind = 'RoleBinding') =>
      objectOf(`kind: ${kind}\nmetadata: {name: b, namespace: shop}\nroleRef: ${roleRef}`);
    expect(roleRefOf(binding('{kind: Role, name: reader}'))).toEqual({ kind: 'Role', name: 'reader' });
    expect(roleRefOf(binding('reader'))).toEqual({ problem: 'it has no roleRef' });
    expect(roleRefOf(binding('{kind: Group, name: x}'))).toEqual({
      problem: 'its roleRef.kind "Group" is neither Role nor ClusterRole',
    });
    expect(roleRefOf(binding('{kind: Role, name: r}', 'ClusterRoleBinding'))).toEqual({
      problem: 'a ClusterRoleBinding cannot reference a Role',
    });
    expect(roleRefOf(binding('{kind: ClusterRole}'))).toEqual({ problem: 'its roleRef has no name' });
  });
});

describe('roleBindingCheck', () => {
  const judged: string[] = [];
  const check = roleBindingCheck(testMeta('binding-test'), ({ binding, ref, grantees }) => {
    judged.push(bindingLabel(binding));
    return ref.name === 'edit' ? `${describeSubjects(grantees)} hold ${ref.name}` : undefined;
  });
  const binding = (name: string, roleRef: string, subjects: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ${name}, namespace: shop}
roleRef: ${roleRef}
subjects: ${subjects}
`;

  it('reports the judged message with roleRef.name as evidence', () => {
    const { findings } = runCheck(
      check,
      binding('editors', '{kind: ClusterRole, name: edit}', '[{kind: User, name: alice}]'),
    );
    expect(findings.map((finding) => [finding.message, finding.evidence])).toEqual([
      ['User alice hold edit', { path: 'roleRef.name', value: 'edit' }],
    ]);
  });

  it('judges only bindings that hand a usable role to someone', () => {
    judged.length = 0;
    const { findings } = runCheck(
      check,
      [
        binding('broken', '{kind: Group, name: edit}', '[{kind: User, name: alice}]'),
        binding('masters-only', '{kind: ClusterRole, name: edit}', '[{kind: Group, name: "system:masters"}]'),
        binding(
          'gce:podsecuritypolicy:calico-sa',
          '{kind: ClusterRole, name: edit}',
          '[{kind: User, name: a}]',
        ),
        binding('readers', '{kind: ClusterRole, name: view}', '[{kind: User, name: alice}]'),
      ].join('---'),
    );
    expect(findings).toEqual([]);
    expect(judged).toEqual(['RoleBinding readers']);
  });

  it('is not evaluated when the roles could not be read', () => {
    const { result } = runCheck(check, binding('b', '{kind: ClusterRole, name: edit}', '[]'), {
      coverageGaps: [{ kind: 'ClusterRole', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});

describe('bindingSubjectCheck', () => {
  const check = bindingSubjectCheck(testMeta('subject-test'), (subject, binding) =>
    subject.kind === 'User'
      ? {
          subject: `User ${subject.name ?? ''}`,
          consequence: `in ${binding.kind}`,
          detail: subject.name ?? '',
        }
      : undefined,
  );

  it('reports each picked subject with its own evidence and the role and scope of the binding', () => {
    const { findings } = runCheck(
      check,
      `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: b}
roleRef: {kind: ClusterRole, name: view}
subjects: [{kind: User, name: alice}, {kind: Group, name: dev}, {kind: User, name: bob}]
`,
    );
    expect(findings.map((finding) => [finding.message, finding.evidence])).toEqual([
      [
        'ClusterRoleBinding b grants ClusterRole view to User alice cluster-wide: in ClusterRoleBinding',
        { path: 'subjects[0]', value: { kind: 'User', name: 'alice' } },
      ],
      [
        'ClusterRoleBinding b grants ClusterRole view to User bob cluster-wide: in ClusterRoleBinding',
        { path: 'subjects[2]', value: { kind: 'User', name: 'bob' } },
      ],
    ]);
  });

  it('names an unusable role as its role and skips platform bindings', () => {
    const { findings } = runCheck(
      check,
      `
kind: RoleBinding
metadata: {name: b, namespace: shop}
subjects: [{kind: User, name: alice}]
---
kind: ClusterRoleBinding
metadata: {name: "gce:podsecuritypolicy:calico-sa"}
roleRef: {kind: ClusterRole, name: view}
subjects: [{kind: User, name: alice}]
`,
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      'RoleBinding b grants its role to User alice in namespace shop: in RoleBinding',
    ]);
  });
});
