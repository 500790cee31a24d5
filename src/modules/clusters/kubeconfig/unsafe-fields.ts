import { ErrorCode } from '../../../common/errors/error-code';
import { isSet, kubeconfigError, type KubeconfigEntry } from './kubeconfig-fields';
import type { SelectedContext } from './select-context';

interface FieldRule {
  entry: 'cluster' | 'user';
  matches: (key: string) => boolean;
  code: ErrorCode;
  reason: string;
}

/** Path fields of client-go's v1 kubeconfig; anything else spelled like a file path is treated the same. */
const FILE_FIELDS = new Set(['certificate-authority', 'client-certificate', 'client-key']);
const isFileReference = (key: string) => FILE_FIELDS.has(key) || /(-file|File)$/.test(key);

const IMPERSONATION_FIELDS = new Set(['as', 'as-uid', 'as-groups', 'as-user-extra']);

const FILE_REASON =
  "is not accepted: it reads a file on the service's host; inline the content in the *-data field";

/**
 * Fields that would make the service run something, read its own files, send the traffic elsewhere or act as
 * another identity. In order: a kubeconfig with several gets the code of the first. `tokenFile` is kubectl's
 * spelling; @kubernetes/client-node reads `token-file` instead, as soon as the text is loaded.
 */
const RULES: FieldRule[] = [
  {
    entry: 'user',
    matches: (key) => key === 'exec',
    code: ErrorCode.ClusterKubeconfigExecForbidden,
    reason: "is not accepted: it runs a command on the service's host",
  },
  {
    entry: 'user',
    matches: (key) => key === 'auth-provider',
    code: ErrorCode.ClusterKubeconfigAuthProviderForbidden,
    reason: "is not accepted: auth providers run code and read files on the service's host; use a token",
  },
  {
    entry: 'user',
    matches: (key) => key === 'tokenFile' || key === 'token-file',
    code: ErrorCode.ClusterKubeconfigTokenFileForbidden,
    reason: "is not accepted: it reads a file on the service's host; put the token itself in token",
  },
  {
    entry: 'cluster',
    matches: isFileReference,
    code: ErrorCode.ClusterKubeconfigFileReferenceForbidden,
    reason: FILE_REASON,
  },
  {
    entry: 'user',
    matches: isFileReference,
    code: ErrorCode.ClusterKubeconfigFileReferenceForbidden,
    reason: FILE_REASON,
  },
  {
    entry: 'cluster',
    matches: (key) => key === 'proxy-url',
    code: ErrorCode.ClusterKubeconfigProxyForbidden,
    reason: 'is not accepted: the traffic would leave through a proxy the address checks cannot see past',
  },
  {
    entry: 'user',
    matches: (key) => IMPERSONATION_FIELDS.has(key),
    code: ErrorCode.ClusterKubeconfigImpersonationUnsupported,
    reason:
      "is not supported: the service would act as the credentials' own identity, not the impersonated one",
  },
];

/** Throws the first refusal that applies to the selected cluster and user. */
export function refuseUnsafeFields(selected: SelectedContext): void {
  for (const rule of RULES) {
    const entry: KubeconfigEntry | undefined = selected[rule.entry];
    const key =
      entry && Object.keys(entry.fields).find((name) => rule.matches(name) && isSet(entry.fields[name]));
    if (entry && key !== undefined) {
      throw kubeconfigError(rule.code, `${entry.path}.${key}`, rule.reason);
    }
  }
}
