import type { Check } from '../../check';
import { apparmorUnconfined } from './apparmor-unconfined';
import { containerAddedCapabilities } from './container-added-capabilities';
import { containerCapabilitiesNotDropped } from './container-capabilities-not-dropped';
import { containerDangerousCapabilities } from './container-dangerous-capabilities';
import { containerMayRunAsRoot } from './container-may-run-as-root';
import { containerNoHardeningProfile } from './container-no-hardening-profile';
import { containerPrivilegeEscalationAllowed } from './container-privilege-escalation-allowed';
import { containerPrivileged } from './container-privileged';
import { containerRootFilesystemWritable } from './container-root-filesystem-writable';
import { containerRunsAsRootGroup } from './container-runs-as-root-group';
import { hostIpc } from './host-ipc';
import { hostNetwork } from './host-network';
import { hostPid } from './host-pid';
import { hostPort } from './host-port';
import { hostpathContainerRuntimeSocket } from './hostpath-container-runtime-socket';
import { hostpathSensitivePath } from './hostpath-sensitive-path';
import { hostpathVolume } from './hostpath-volume';
import { hostpathWritable } from './hostpath-writable';
import { procMountUnmasked } from './proc-mount-unmasked';
import { seccompProfileNotSet } from './seccomp-profile-not-set';
import { selinuxCustomOptions } from './selinux-custom-options';
import { unsafeSysctls } from './unsafe-sysctls';
import { untrustedWorkloadNotSandboxed } from './untrusted-workload-not-sandboxed';
import { windowsHostProcess } from './windows-host-process';
import { workloadHostUsers } from './workload-host-users';

export const podSecurityChecks: readonly Check[] = [
  containerPrivileged,
  containerPrivilegeEscalationAllowed,
  containerMayRunAsRoot,
  containerRunsAsRootGroup,
  containerRootFilesystemWritable,
  containerDangerousCapabilities,
  containerCapabilitiesNotDropped,
  containerAddedCapabilities,
  containerNoHardeningProfile,
  seccompProfileNotSet,
  apparmorUnconfined,
  selinuxCustomOptions,
  untrustedWorkloadNotSandboxed,
  procMountUnmasked,
  unsafeSysctls,
  windowsHostProcess,
  hostPid,
  hostIpc,
  hostNetwork,
  hostPort,
  hostpathVolume,
  hostpathWritable,
  hostpathSensitivePath,
  hostpathContainerRuntimeSocket,
  workloadHostUsers,
];
