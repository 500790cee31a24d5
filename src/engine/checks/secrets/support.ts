import { isRecord } from '../../inventory/guards';
import type { Workload } from '../../inventory/workloads';

/** Words that make a name a credential wherever they appear inside one of its words (`dbPassword`, `htpasswd`). */
const SECRET_FRAGMENTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'credential',
  'apikey',
  'accesskey',
  'privatekey',
];

/** Words that make a name a credential when they are a whole word, or end one (`GITHUB_TOKEN`, `authToken`). */
const SECRET_SUFFIXES = ['token', 'creds'];

/** `key` is a credential only with one of these before it (`API_KEY`, `AZURE_BATCH_KEY`), not `CACHE_KEY`. */
const KEY_QUALIFIERS = new Set([
  'access',
  'account',
  'api',
  'app',
  'auth',
  'batch',
  'client',
  'enc',
  'encryption',
  'hmac',
  'license',
  'master',
  'private',
  'service',
  'session',
  'shared',
  'signing',
  'ssh',
  'storage',
  'subscription',
]);

/** ... or with one of these after it (`OCI_CLI_KEY_CONTENT`). */
const KEY_MATERIAL = new Set(['content', 'data', 'material', 'pem']);

/** A last word that makes the name describe a credential rather than hold one (`PASSWORD_FILE`, `TOKEN_URL`). */
const DESCRIPTIVE_SUFFIXES = new Set([
  'algorithm',
  'arn',
  'audience',
  'backend',
  'count',
  'days',
  'dir',
  'directory',
  'disabled',
  'enable',
  'enabled',
  'endpoint',
  'expiration',
  'expires',
  'expiry',
  'file',
  'format',
  'header',
  'host',
  'hours',
  'interval',
  'issuer',
  'len',
  'length',
  'lifetime',
  'limit',
  'location',
  'minutes',
  'mode',
  'mount',
  'ms',
  'name',
  'path',
  'policy',
  'port',
  'prefix',
  'provider',
  'ref',
  'required',
  'scope',
  'scopes',
  'seconds',
  'size',
  'store',
  'strategy',
  'timeout',
  'ttl',
  'type',
  'uri',
  'url',
  'version',
]);

/** Splits `AWS_SECRET_ACCESS_KEY`, `db.password` or `apiKeyValue` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Whether a variable, key or setting name says that it holds a credential. */
export function looksLikeSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || DESCRIPTIVE_SUFFIXES.has(last) || words[0] === 'existing') {
    return false;
  }
  return words.some(
    (word, index) =>
      SECRET_FRAGMENTS.some((fragment) => word.includes(fragment)) ||
      SECRET_SUFFIXES.some((suffix) => word.endsWith(suffix)) ||
      // `PWD` alone is the shell's working directory; `DB_PWD` is a password.
      (word === 'pwd' && words.length > 1) ||
      (word === 'key' &&
        (KEY_QUALIFIERS.has(words[index - 1] ?? '') || KEY_MATERIAL.has(words[index + 1] ?? ''))),
  );
}

interface CredentialFormat {
  description: string;
  pattern: RegExp;
}

/** Formats that are a credential whatever the name they are stored under. */
const CREDENTIAL_FORMATS: readonly CredentialFormat[] = [
  { description: 'a PEM private key', pattern: /-{3,}\s*BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?\s*-{3,}/ },
  { description: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { description: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { description: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { description: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { description: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  { description: 'a Stripe secret key', pattern: /\b[rs]k_live_[0-9A-Za-z]{20,}/ },
  // `user:$(DB_PASSWORD)@` is expanded by the kubelet from another variable: not a literal.
  {
    description: 'a URL with an embedded password',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:(?!\$\()[^\s/@]+@/i,
  },
];

/** Describes the credential format found in a value, if any. */
export function credentialFormatIn(value: string): string | undefined {
  return CREDENTIAL_FORMATS.find((format) => format.pattern.test(value))?.description;
}

/** Why a literal value stored under a name is a credential, or undefined when nothing says it is. */
export function literalCredentialReason(name: string, value: string): string | undefined {
  const format = credentialFormatIn(value);
  if (format) {
    return `its value looks like ${format}`;
  }
  return looksLikeSecretName(name) && !isNonSecretValue(value)
    ? 'its name marks it as a credential'
    : undefined;
}

/**
 * Values that cannot be a credential although the name says so: empty, a flag (`true`, `off`), a reference to
 * another variable (`$(DB_PASSWORD)`, `${DB_PASSWORD}`) or a path to the file that holds the credential.
 */
export function isNonSecretValue(value: string): boolean {
  const trimmed = value.trim();
  return (
    trimmed === '' ||
    /^(?:true|false|yes|no|on|off)$/i.test(trimmed) ||
    /^(?:\$\([A-Za-z_][A-Za-z0-9_.-]*\)|\$\{[^}]*\})$/.test(trimmed) ||
    /^\/\S*$/.test(trimmed)
  );
}

/** Evidence for a credential: never the value itself, a report must not leak it. */
export function redacted(value: string): string {
  return `<redacted, ${value.length} chars>`;
}

/** Scalars as YAML would have written them; undefined for maps, lists and null. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? String(value)
    : undefined;
}

/** An evidence path to a map key, quoted when the key holds dots or other separators (`data["app.conf"]`). */
export function keyPath(parent: string, key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? `${parent}.${key}` : `${parent}["${key.replace(/["\\]/g, '\\$&')}"]`;
}

export const DEFAULT_SERVICE_ACCOUNT = 'default';

/** The ServiceAccount a pod runs as: `serviceAccountName`, else the deprecated `serviceAccount`, else `default`. */
export function serviceAccountOf(workload: Workload): { name: string; path: string; explicit: boolean } {
  for (const field of ['serviceAccountName', 'serviceAccount'] as const) {
    const name = workload.podSpec[field];
    if (typeof name === 'string' && name !== '') {
      return { name, path: `${workload.specPath}.${field}`, explicit: true };
    }
  }
  return { name: DEFAULT_SERVICE_ACCOUNT, path: `${workload.specPath}.serviceAccountName`, explicit: false };
}

/** A volume that projects a token of the pod's ServiceAccount, whatever automounting says. */
export function projectsServiceAccountToken(workload: Workload): boolean {
  const volumes = Array.isArray(workload.podSpec.volumes) ? (workload.podSpec.volumes as unknown[]) : [];
  return volumes.some((volume) => {
    const projected = isRecord(volume) ? volume['projected'] : undefined;
    const sources =
      isRecord(projected) && Array.isArray(projected['sources']) ? (projected['sources'] as unknown[]) : [];
    return sources.some((source) => isRecord(source) && source['serviceAccountToken'] !== undefined);
  });
}
