import { parseManifests } from '../../../../collectors/manifests/parse-manifests';
import type { KubeObject } from '../../../kube-types';
import { describeSubjects, granteesOf, subjectsOf } from './subjects';

function objectOf(yaml: string): KubeObject {
  return parseManifests(yaml, 'rbac.yaml').objects[0]!.object;
}

describe('subjects', () => {
  it('reads subjects with their paths and treats a malformed list as one unreadable subject', () => {
    const binding = objectOf(`
kind: ClusterRoleBinding
metadata: {name: b}
subjects:
  - {kind: Group, name: system:masters}
  - {kind: ServiceAccount, name: ci, namespace: build}
  - oops
`);
    expect(subjectsOf(binding).map((subject) => subject.path)).toEqual([
      'subjects[0]',
      'subjects[1]',
      'subjects[2]',
    ]);
    expect(describeSubjects(granteesOf(binding))).toBe('ServiceAccount build/ci and an unreadable subject');
    const malformed = objectOf('kind: RoleBinding\nmetadata: {name: b}\nsubjects: alice');
    expect(subjectsOf(malformed)).toEqual([{ path: 'subjects', raw: 'alice' }]);
    expect(subjectsOf(objectOf('kind: RoleBinding\nmetadata: {name: b}'))).toEqual([]);
  });

  it('summarizes long subject lists', () => {
    const binding = objectOf(`
kind: RoleBinding
metadata: {name: b}
subjects: [{kind: User, name: a}, {kind: User, name: b}, {kind: User, name: c}, {kind: User, name: d}]
`);
    expect(describeSubjects(subjectsOf(binding))).toBe('User a, User b, User c and 1 more');
  });

  it('names a subject that lacks its kind', () => {
    const binding = objectOf('kind: RoleBinding\nmetadata: {name: b}\nsubjects: [{name: alice}]');
    expect(describeSubjects(subjectsOf(binding))).toBe('subject alice of no kind');
  });
});
