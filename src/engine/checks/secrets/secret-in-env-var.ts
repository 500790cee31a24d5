import { containerCheck, type Violation } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import type { ContainerView } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '?';
}

function secretKeyReference(view: ContainerView, entry: unknown, index: number): Violation | undefined {
  const valueFrom = isRecord(entry) ? entry['valueFrom'] : undefined;
  const reference = isRecord(valueFrom) ? valueFrom['secretKeyRef'] : undefined;
  if (reference === undefined || reference === null) {
    return undefined;
  }
  const secret = isRecord(reference) ? reference : {};
  const variable = isRecord(entry) && typeof entry['name'] === 'string' ? entry['name'] : `env[${index}]`;
  return {
    message: `Container ${view.name} reads key ${text(secret['key'])} of Secret ${text(secret['name'])} into env var ${variable}`,
    path: `${view.path}.env[${index}].valueFrom.secretKeyRef`,
    value: reference,
    detail: `env/${variable}`,
  };
}

function secretReference(view: ContainerView, source: unknown, index: number): Violation | undefined {
  const reference = isRecord(source) ? source['secretRef'] : undefined;
  if (reference === undefined || reference === null) {
    return undefined;
  }
  const name = text(isRecord(reference) ? reference['name'] : undefined);
  return {
    message: `Container ${view.name} loads every key of Secret ${name} into env vars`,
    path: `${view.path}.envFrom[${index}].secretRef`,
    value: reference,
    detail: `envFrom/${name}`,
  };
}

export const secretInEnvVar = containerCheck(
  {
    id: 'secret-in-env-var',
    title: 'Secret exposed as environment variables',
    rationale:
      'Environment variables are copied into child processes, printed by debug endpoints and crash reports, and ' +
      'visible in the process table of the node. A Secret mounted as a file stays in one place, can be read-only ' +
      'and is updated in place when the Secret is rotated.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Develop,
    principles: [Principle.LeastPrivilege],
    references: {
      cis: ['5.4.1'],
      kubescape: ['C-0207'],
    },
    remediation: {
      text: 'Mount the Secret as a read-only volume and have the application read the credential from the file.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      volumeMounts:',
        '        - name: db-credentials',
        '          mountPath: /var/run/secrets/db',
        '          readOnly: true',
        '  volumes:',
        '    - name: db-credentials',
        '      secret:',
        '        secretName: db-credentials',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view) => [
    ...asArray<unknown>(view.container.env).flatMap(
      (entry, index) => secretKeyReference(view, entry, index) ?? [],
    ),
    ...asArray<unknown>(view.container.envFrom).flatMap(
      (source, index) => secretReference(view, source, index) ?? [],
    ),
  ],
);
