import { isRecord } from '../../../inventory/guards';
import type { KubeObject } from '../../../kube-types';

/** One subject of a binding, read from untrusted input. */
export interface SubjectView {
  path: string;
  raw: unknown;
  kind?: string;
  name?: string;
  namespace?: string;
}

function toSubjectView(raw: unknown, path: string): SubjectView {
  if (!isRecord(raw)) {
    return { path, raw };
  }
  const field = (key: string) => (typeof raw[key] === 'string' ? { [key]: raw[key] } : {});
  return { path, raw, ...field('kind'), ...field('name'), ...field('namespace') };
}

/** A binding's subjects; a subjects field that is not a list reads as one subject nobody can identify. */
export function subjectsOf(binding: KubeObject): SubjectView[] {
  const subjects = binding['subjects'];
  if (subjects === undefined || subjects === null) {
    return [];
  }
  if (!Array.isArray(subjects)) {
    return [{ path: 'subjects', raw: subjects }];
  }
  return subjects.map((subject, index) => toSubjectView(subject, `subjects[${index}]`));
}

export function isSystemMastersGroup(subject: SubjectView): boolean {
  return subject.kind === 'Group' && subject.name === 'system:masters';
}

/**
 * The subjects that actually gain something from the binding: members of system:masters bypass authorization,
 * so naming that group adds nothing. Unreadable subjects count, since nothing shows they gain nothing.
 */
export function granteesOf(binding: KubeObject): SubjectView[] {
  return subjectsOf(binding).filter((subject) => !isSystemMastersGroup(subject));
}

export function describeSubject(subject: SubjectView): string {
  if (subject.name === undefined) {
    return 'an unreadable subject';
  }
  if (subject.kind === undefined) {
    return `subject ${subject.name} of no kind`;
  }
  const namespace = subject.kind === 'ServiceAccount' && subject.namespace ? `${subject.namespace}/` : '';
  return `${subject.kind} ${namespace}${subject.name}`;
}

/** `User alice, Group dev and 2 more`. */
export function describeSubjects(subjects: readonly SubjectView[]): string {
  const shown = subjects.slice(0, 3).map(describeSubject);
  const rest = subjects.length - shown.length;
  if (rest > 0) {
    return `${shown.join(', ')} and ${rest} more`;
  }
  return shown.length > 1
    ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`
    : (shown[0] ?? '');
}
