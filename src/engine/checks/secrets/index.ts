import type { Check } from '../../check';
import { configmapSensitiveContent } from './configmap-sensitive-content';
import { defaultServiceAccountAutomounts } from './default-service-account-automounts';
import { defaultServiceAccountUsed } from './default-service-account-used';
import { envSecretLiteral } from './env-secret-literal';
import { secretInEnvVar } from './secret-in-env-var';
import { serviceAccountTokenAutomounted } from './service-account-token-automounted';

export const secretsChecks: readonly Check[] = [
  envSecretLiteral,
  configmapSensitiveContent,
  secretInEnvVar,
  serviceAccountTokenAutomounted,
  defaultServiceAccountUsed,
  defaultServiceAccountAutomounts,
];
