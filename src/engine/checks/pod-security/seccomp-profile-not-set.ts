import { containerCheck, type Violation } from '../../check';
import type { ContainerView, Workload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { Confinement, effectiveSeccomp, seccompAnnotationsHonoured } from './support/confinement';
import { isWindowsPod, podAnnotation } from './support/pod';

/** On 1.27+ the deprecated annotations do nothing; say so rather than report a bare "not set". */
function ignoredAnnotation(
  workload: Workload,
  view: ContainerView,
  clusterVersion?: string,
): Violation | undefined {
  if (seccompAnnotationsHonoured(clusterVersion)) {
    return undefined;
  }
  const annotation =
    podAnnotation(workload, `container.seccomp.security.alpha.kubernetes.io/${view.name}`) ??
    podAnnotation(workload, 'seccomp.security.alpha.kubernetes.io/pod');
  if (!annotation) {
    return undefined;
  }
  return {
    message:
      `Container ${view.name} relies on a seccomp annotation that Kubernetes ignores since 1.27; ` +
      'no seccomp profile applies',
    path: annotation.path,
    value: annotation.value,
  };
}

export const seccompProfileNotSet = containerCheck(
  {
    id: 'seccomp-profile-not-set',
    title: 'Container runs without a seccomp profile',
    rationale:
      'Seccomp filters the system calls a container may make, closing off much of the kernel attack surface used ' +
      'in container escapes. Kubernetes runs containers Unconfined unless a profile is set on the pod or ' +
      'container (or every kubelet is configured to default to RuntimeDefault, which the API does not show). ' +
      'The deprecated seccomp annotations are honoured only on clusters older than 1.27.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      cis: ['5.7.2'],
      nsa: ['pod-security/hardening-environments'],
      mitre: ['T1611'],
      kubescape: ['C-0210'],
    },
    remediation: {
      text:
        'Set `seccompProfile.type: RuntimeDefault` (or a Localhost profile) in the pod security context, and ' +
        'remove container-level `Unconfined` overrides and the legacy seccomp annotations.',
      patch: ['spec:', '  securityContext:', '    seccompProfile:', '      type: RuntimeDefault'].join('\n'),
    },
  },
  { containers: 'all' },
  (view, workload, inventory) => {
    if (isWindowsPod(workload)) {
      return undefined;
    }
    const seccomp = effectiveSeccomp(workload, view, inventory.cluster.version);
    switch (seccomp.confinement) {
      case Confinement.Confined:
        return undefined;
      case Confinement.Unconfined:
        return {
          message: `Container ${view.name} runs with seccomp explicitly Unconfined`,
          path: seccomp.path,
          value: seccomp.value,
        };
      case Confinement.Invalid:
        return {
          message: `Container ${view.name} sets a seccomp profile the kubelet cannot apply`,
          path: seccomp.path,
          value: seccomp.value,
        };
      case Confinement.Unset:
        return (
          ignoredAnnotation(workload, view, inventory.cluster.version) ?? {
            message: `Container ${view.name} sets no seccomp profile and runs Unconfined unless the kubelet defaults it`,
            path: seccomp.path,
          }
        );
    }
  },
);
