import { containerCheck, type Violation } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import type { ContainerView } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { literalCredentialReason, redacted, scalarText } from './support';

function literalCredential(view: ContainerView, entry: unknown, index: number): Violation | undefined {
  if (!isRecord(entry)) {
    return undefined;
  }
  const value = scalarText(entry['value']);
  if (value === undefined) {
    return undefined;
  }
  const name = typeof entry['name'] === 'string' ? entry['name'] : `env[${index}]`;
  const reason = literalCredentialReason(name, value);
  if (!reason) {
    return undefined;
  }
  return {
    message: `Container ${view.name} sets env var ${name} to a literal credential: ${reason}`,
    path: `${view.path}.env[${index}].value`,
    value: redacted(value),
    detail: name,
  };
}

export const envSecretLiteral = containerCheck(
  {
    id: 'env-secret-literal',
    title: 'Credential written literally in a container env var',
    rationale:
      'A password, token or key written into the pod spec is readable by anyone who can read the workload, ' +
      'its chart or its Git history, and it cannot be rotated without redeploying. Kept in a Secret, access is ' +
      'governed separately and the value never lands in the manifest.',
    severity: Severity.High,
    layer: Layer.Application,
    phase: Phase.Develop,
    principles: [Principle.Authentication, Principle.LeastPrivilege],
    references: {
      nsa: ['network/secrets'],
      mitre: ['T1552.001', 'T1552.007'],
      polaris: ['sensitiveContainerEnvVar'],
      kubescape: ['C-0012'],
    },
    remediation: {
      text:
        'Move the value into a Secret (or an external secret store) and reference it with `valueFrom.secretKeyRef`; ' +
        'rotate the credential, since it has already been exposed.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      env:',
        '        - name: DB_PASSWORD',
        '          valueFrom:',
        '            secretKeyRef:',
        '              name: db-credentials',
        '              key: password',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view) =>
    asArray<unknown>(view.container.env).flatMap(
      (entry, index) => literalCredential(view, entry, index) ?? [],
    ),
);
