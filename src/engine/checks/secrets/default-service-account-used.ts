import { workloadCheck } from '../../check';
import type { Workload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { DEFAULT_SERVICE_ACCOUNT, projectsServiceAccountToken, serviceAccountOf } from './support';

/** A pod that opts out of the token and projects none has no API identity, whichever account it names. */
function usesApiIdentity(workload: Workload): boolean {
  return workload.podSpec.automountServiceAccountToken !== false || projectsServiceAccountToken(workload);
}

export const defaultServiceAccountUsed = workloadCheck(
  {
    id: 'default-service-account-used',
    title: 'Workload runs as the default ServiceAccount',
    rationale:
      'Every pod in a namespace that names no ServiceAccount shares the `default` one. Rights granted to it for ' +
      'one application silently extend to all the others, and audit logs cannot tell the workloads apart.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.LeastPrivilege, Principle.Authorization],
    references: {
      cis: ['5.1.5'],
      mitre: ['T1078.001'],
      kubescape: ['C-0189'],
    },
    remediation: {
      text:
        'Create a ServiceAccount for the workload and name it in `serviceAccountName`; if the workload never calls ' +
        'the Kubernetes API, also set `automountServiceAccountToken: false`.',
      patch: ['spec:', '  serviceAccountName: web'].join('\n'),
    },
  },
  {},
  (workload) => {
    const account = serviceAccountOf(workload);
    if (account.name !== DEFAULT_SERVICE_ACCOUNT || !usesApiIdentity(workload)) {
      return undefined;
    }
    const subject = `Pods of ${workload.object.kind} ${workload.object.metadata.name ?? ''}`;
    return account.explicit
      ? {
          message: `${subject} run as the default ServiceAccount, named explicitly`,
          path: account.path,
          value: account.name,
        }
      : {
          message: `${subject} run as the default ServiceAccount: no serviceAccountName is set`,
          path: account.path,
        };
  },
);
