import { objectCheck } from '../../check';
import { isRecord } from '../../inventory/guards';
import { Layer, Phase, Principle, Severity } from '../../model';

export const nakedPod = objectCheck(
  {
    id: 'naked-pod',
    title: 'Pod is not managed by a controller',
    rationale:
      'A pod created directly is not recreated when its node fails or it is evicted, cannot be rolled out or ' +
      'back, and usually comes from an ad-hoc `kubectl run` or `kubectl apply` that skipped the review, ' +
      'templates and policies the team applies to its controllers.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.Admission],
    references: {
      kubescape: ['C-0073'],
    },
    remediation: {
      text: 'Run the pod through a Deployment, StatefulSet, DaemonSet or Job, and delete the standalone pod.',
      patch: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  replicas: 2',
        '  selector:',
        '    matchLabels:',
        '      app: web',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '        - name: app',
        '          image: registry.example.com/shop/web:1.4.2',
      ].join('\n'),
    },
  },
  { kinds: ['Pod'] },
  (pod) => {
    const owners: unknown = pod.metadata.ownerReferences;
    if (Array.isArray(owners) && owners.some((owner) => isRecord(owner) && owner['controller'] === true)) {
      return undefined;
    }
    return {
      message: `Pod ${pod.metadata.name ?? pod.metadata.generateName ?? ''} is not managed by a controller`,
      path: 'metadata.ownerReferences',
      ...(owners !== undefined && { value: owners }),
    };
  },
);
