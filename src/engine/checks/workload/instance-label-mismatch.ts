import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { shown } from './support/fields';

const INSTANCE_LABEL = 'app.kubernetes.io/instance';

export const instanceLabelMismatch = workloadCheck(
  {
    id: 'instance-label-mismatch',
    title: 'Instance label does not match the workload name',
    rationale:
      'The `app.kubernetes.io/instance` label tells tools and people which installation a resource belongs ' +
      'to. When it is missing or names something else, findings, alerts and cost reports cannot be traced ' +
      'back to the workload reliably.',
    severity: Severity.Info,
    layer: Layer.Application,
    phase: Phase.Develop,
    principles: [Principle.Auditing],
    references: {
      polaris: ['metadataAndInstanceMismatched'],
    },
    remediation: {
      text: 'Label the workload with `app.kubernetes.io/instance` set to its own name.',
      patch: ['metadata:', '  name: web', '  labels:', '    app.kubernetes.io/instance: web'].join('\n'),
    },
  },
  {},
  (workload) => {
    const { name, labels } = workload.object.metadata;
    // An object with only generateName has no name to compare with yet.
    if (name === undefined) {
      return undefined;
    }
    const instance: unknown = labels?.[INSTANCE_LABEL];
    if (instance === name) {
      return undefined;
    }
    const path = `metadata.labels["${INSTANCE_LABEL}"]`;
    return instance === undefined
      ? { message: `${workload.object.kind} ${name} has no ${INSTANCE_LABEL} label`, path }
      : {
          message: `${workload.object.kind} ${name} has ${INSTANCE_LABEL} ${shown(instance)}, not its name`,
          path,
          value: instance,
        };
  },
);
