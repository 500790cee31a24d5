import type { Check } from '../../check';
import { rbacBindEscalateImpersonate } from './rbac-bind-escalate-impersonate';
import { rbacBindingGrantsClusterAdmin } from './rbac-binding-grants-cluster-admin';
import { rbacBindingGrantsPodExec } from './rbac-binding-grants-pod-exec';
import { rbacBindingRoleMissing } from './rbac-binding-role-missing';
import { rbacBindingToAnonymousOrAllUsers } from './rbac-binding-to-anonymous-or-all-users';
import { rbacCreatePods } from './rbac-create-pods';
import { rbacDefaultServiceAccountBound } from './rbac-default-service-account-bound';
import { rbacNodesProxy } from './rbac-nodes-proxy';
import { rbacPersistentVolumeCreate } from './rbac-persistent-volume-create';
import { rbacRoleAllowsPodExec } from './rbac-role-allows-pod-exec';
import { rbacSecretsRead } from './rbac-secrets-read';
import { rbacServiceAccountTokenCreate } from './rbac-service-account-token-create';
import { rbacSystemMastersBinding } from './rbac-system-masters-binding';
import { rbacWebhookConfigWrite } from './rbac-webhook-config-write';
import { rbacWildcardRules } from './rbac-wildcard-rules';

export const rbacChecks: readonly Check[] = [
  rbacBindingGrantsClusterAdmin,
  rbacRoleAllowsPodExec,
  rbacBindingGrantsPodExec,
  rbacWildcardRules,
  rbacSecretsRead,
  rbacBindEscalateImpersonate,
  rbacCreatePods,
  rbacNodesProxy,
  rbacBindingToAnonymousOrAllUsers,
  rbacBindingRoleMissing,
  rbacSystemMastersBinding,
  rbacDefaultServiceAccountBound,
  rbacPersistentVolumeCreate,
  rbacServiceAccountTokenCreate,
  rbacWebhookConfigWrite,
];
