import { Layer, Phase, Principle, Severity } from '../../model';
import { addedCapabilityCheck } from './support/capabilities';

/**
 * Capabilities that reach beyond the container: into the node's kernel, devices, clock or security modules,
 * or into kernel code behind known escapes. NET_RAW is left out: it is in the runtimes' default set and
 * allows spoofing on the pod network, not control of the node.
 */
export const DANGEROUS_CAPABILITIES: ReadonlyMap<string, string> = new Map([
  ['ALL', 'grants every capability, close to privileged mode'],
  ['SYS_ADMIN', 'allows mounts, namespaces and most kernel administration, the classic escape route'],
  [
    'NET_ADMIN',
    'allows reconfiguring interfaces and firewall rules and exposes the netfilter code behind several escapes',
  ],
  ['SYS_MODULE', 'allows loading kernel modules into the node kernel'],
  ['SYS_PTRACE', 'allows tracing and injecting code into other processes'],
  ['SYS_RAWIO', 'allows raw access to devices and I/O ports'],
  ['SYS_BOOT', 'allows rebooting the node and loading a new kernel'],
  ['SYS_TIME', "allows changing the node's clock, which is not namespaced"],
  ['DAC_READ_SEARCH', 'allows opening host files by handle, bypassing the container filesystem'],
  ['BPF', 'allows loading eBPF programs into the node kernel'],
  ['PERFMON', 'allows kernel performance monitoring that exposes other processes and kernel memory'],
  ['SYSLOG', 'allows reading the kernel log, which leaks kernel addresses'],
  ['MAC_ADMIN', 'allows changing the mandatory access control (AppArmor, SELinux) policy'],
  ['MAC_OVERRIDE', 'allows bypassing mandatory access control (AppArmor, SELinux)'],
  ['AUDIT_CONTROL', "allows changing or disabling the node's audit rules"],
]);

export const containerDangerousCapabilities = addedCapabilityCheck(
  {
    id: 'container-dangerous-capabilities',
    title: 'Container adds a dangerous Linux capability',
    rationale:
      'Some capabilities are not confined to the container: they expose the node kernel, its devices, its clock ' +
      'or its security modules, and each has a documented path from a compromised container to the node. ' +
      'Workloads that truly need one belong on dedicated nodes with an explicit exception.',
    severity: Severity.High,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege, Principle.Isolation],
    references: {
      cis: ['5.2.9'],
      mitre: ['T1611'],
      polaris: ['dangerousCapabilities'],
      kubescape: ['C-0046'],
    },
    remediation: {
      text:
        'Remove the capability from `capabilities.add`, drop ALL, and add back only narrow capabilities the ' +
        'process needs (such as NET_BIND_SERVICE).',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      securityContext:',
        '        capabilities:',
        '          drop: [ALL]',
        '          add: [NET_BIND_SERVICE]',
      ].join('\n'),
    },
  },
  (capability) => {
    const danger = DANGEROUS_CAPABILITIES.get(capability.name);
    return danger === undefined ? undefined : `${capability.raw}, which ${danger}`;
  },
);
