import { containerCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { hasProbe } from './support/containers';

export const livenessProbeMissing = containerCheck(
  {
    id: 'liveness-probe-missing',
    title: 'Long-running container has no liveness probe',
    rationale:
      'Without a liveness probe the kubelet restarts a container only when its process exits. A process that ' +
      'hangs, deadlocks or is wedged by an attack keeps its pod Running and keeps holding its resources until ' +
      'someone notices by hand.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Develop,
    principles: [Principle.Isolation],
    references: {
      polaris: ['livenessProbeMissing'],
      kubescape: ['C-0056'],
    },
    remediation: {
      text:
        'Add a `livenessProbe` that fails only when the process can no longer recover by itself (a cheap ' +
        'health endpoint, not a check of its dependencies).',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      livenessProbe:',
        '        httpGet:',
        '          path: /healthz',
        '          port: 8080',
        '        periodSeconds: 10',
      ].join('\n'),
    },
  },
  { containers: 'regular', skipRunToCompletion: true },
  (view) =>
    hasProbe(view.container, 'livenessProbe')
      ? undefined
      : {
          message: `Container ${view.name} has no liveness probe`,
          path: `${view.path}.livenessProbe`,
          ...(view.container.livenessProbe !== undefined && { value: view.container.livenessProbe }),
        },
);
