import { containerCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { hasProbe } from './support/containers';

export const readinessProbeMissing = containerCheck(
  {
    id: 'readiness-probe-missing',
    title: 'Long-running container has no readiness probe',
    rationale:
      'Without a readiness probe a pod counts as ready as soon as its containers start: Services send it ' +
      'traffic before it can serve, keep sending traffic while it is overloaded or broken, and rolling updates ' +
      'move on without knowing whether the new version works.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Develop,
    principles: [Principle.Isolation],
    references: {
      polaris: ['readinessProbeMissing'],
      kubescape: ['C-0018'],
    },
    remediation: {
      text: 'Add a `readinessProbe` that succeeds only when the container can serve requests.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      readinessProbe:',
        '        httpGet:',
        '          path: /ready',
        '          port: 8080',
        '        periodSeconds: 5',
      ].join('\n'),
    },
  },
  { containers: 'regular', skipRunToCompletion: true },
  (view) =>
    hasProbe(view.container, 'readinessProbe')
      ? undefined
      : {
          message: `Container ${view.name} has no readiness probe`,
          path: `${view.path}.readinessProbe`,
          ...(view.container.readinessProbe !== undefined && { value: view.container.readinessProbe }),
        },
);
