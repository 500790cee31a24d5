import { type Violation, workloadCheck } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import type { Workload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { podSecurityContextOf } from './support/pod';

/**
 * The sysctls the baseline Pod Security Standard treats as safe: namespaced per pod and unable to affect other
 * pods or the node.
 */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/**
 * Kubernetes accepts `/` as the separator when it comes first (`kernel/shm_rmid_forced`); in that form `.`
 * stands for a literal `/`, as in sysctl(8).
 */
function canonicalSysctlName(name: string): string {
  const slash = name.indexOf('/');
  const dot = name.indexOf('.');
  if (slash < 0 || (dot >= 0 && dot < slash)) {
    return name;
  }
  return name.replace(/[./]/g, (separator) => (separator === '/' ? '.' : '/'));
}

function sysctlViolations(workload: Workload): Violation[] {
  const sysctls: unknown = podSecurityContextOf(workload).sysctls;
  const basePath = `${workload.specPath}.securityContext.sysctls`;
  return asArray<unknown>(sysctls).flatMap((sysctl, index) => {
    const name = isRecord(sysctl) ? sysctl['name'] : undefined;
    if (typeof name !== 'string' || SAFE_SYSCTLS.has(canonicalSysctlName(name.trim()))) {
      return [];
    }
    return [
      {
        message: `The pod sets the sysctl ${name}, which is outside the safe set`,
        path: `${basePath}[${index}].name`,
        value: name,
        detail: canonicalSysctlName(name.trim()),
      },
    ];
  });
}

export const unsafeSysctls = workloadCheck(
  {
    id: 'unsafe-sysctls',
    title: 'Pod sets an unsafe sysctl',
    rationale:
      'Only a few kernel parameters are both namespaced and isolated from other pods. Any other sysctl, once a ' +
      'node allows it, changes kernel behaviour that other workloads on the node share, or disables protections ' +
      'they rely on; it should run only on dedicated, tainted nodes.',
    severity: Severity.High,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {},
    remediation: {
      text:
        'Remove sysctls outside the safe set from the pod security context; if the workload truly needs one, ' +
        'run it on dedicated nodes that allow it and are tainted for it.',
      patch: [
        'spec:',
        '  securityContext:',
        '    sysctls:',
        '      - name: net.ipv4.ip_local_port_range',
        '        value: "32768 60999"',
      ].join('\n'),
    },
  },
  {},
  sysctlViolations,
);
