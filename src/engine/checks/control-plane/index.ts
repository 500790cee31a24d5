import type { Check } from '../../check';
import { apiserverAlwaysPullImagesDisabled } from './apiserver-always-pull-images-disabled';
import { apiserverAnonymousAuthEnabled } from './apiserver-anonymous-auth-enabled';
import { apiserverAuditLoggingDisabled } from './apiserver-audit-logging-disabled';
import { apiserverAuthorizationModePermissive } from './apiserver-authorization-mode-permissive';
import { apiserverEncryptionAtRestMissing } from './apiserver-encryption-at-rest-missing';
import { apiserverKubeletCertificateAuthorityMissing } from './apiserver-kubelet-certificate-authority-missing';
import { apiserverNodeRestrictionDisabled } from './apiserver-node-restriction-disabled';
import { apiserverProfilingEnabled } from './apiserver-profiling-enabled';
import { apiserverTokenAuthFile } from './apiserver-token-auth-file';
import { controllerManagerProfilingEnabled } from './controller-manager-profiling-enabled';
import { etcdClientCertAuthDisabled } from './etcd-client-cert-auth-disabled';
import { schedulerProfilingEnabled } from './scheduler-profiling-enabled';

export const controlPlaneChecks: readonly Check[] = [
  apiserverAnonymousAuthEnabled,
  apiserverAuthorizationModePermissive,
  apiserverTokenAuthFile,
  apiserverKubeletCertificateAuthorityMissing,
  apiserverAuditLoggingDisabled,
  apiserverEncryptionAtRestMissing,
  apiserverProfilingEnabled,
  controllerManagerProfilingEnabled,
  schedulerProfilingEnabled,
  apiserverAlwaysPullImagesDisabled,
  apiserverNodeRestrictionDisabled,
  etcdClientCertAuthDisabled,
];
