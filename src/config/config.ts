import { z } from 'zod';

/** A value that only development may use; production refuses to start without the real one. */
const DEVELOPMENT_ENCRYPTION_KEY = Buffer.alloc(32, 'kubeassay-development-only').toString('base64');
const DEVELOPMENT_KEY_PEPPER = 'kubeassay-development-only-pepper';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/kubeassay'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Prefix of every BullMQ key: lets several deployments (or test files) share one Redis. */
  KUBEASSAY_QUEUE_PREFIX: z.string().min(1).default('kubeassay'),
  /** base64 of 32 random bytes: AES-256-GCM key for credentials at rest. */
  KUBEASSAY_ENCRYPTION_KEY: z.string().optional(),
  KUBEASSAY_ENCRYPTION_KEY_ID: z.string().regex(KEY_ID).default('k1'),
  /** Keys being rotated out, still needed to read what they encrypted: `id:base64,id:base64`. */
  KUBEASSAY_ENCRYPTION_PREVIOUS_KEYS: z.string().default(''),
  /** Secret mixed into API key hashes, so a database dump alone cannot test guesses. */
  KUBEASSAY_API_KEY_PEPPER: z.string().min(16).optional(),
  KUBEASSAY_MIGRATIONS_RUN: booleanFlag.default('true'),
  KUBEASSAY_SNAPSHOT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  KUBEASSAY_JSON_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Whether registered clusters (and other user-named hosts) may resolve to loopback or private addresses. */
  KUBEASSAY_ALLOW_LOOPBACK_ADDRESSES: booleanFlag.default('false'),
  KUBEASSAY_ALLOW_PRIVATE_ADDRESSES: booleanFlag.default('false'),
  /** Whether a kubeconfig may set `insecure-skip-tls-verify: true`. */
  KUBEASSAY_ALLOW_INSECURE_TLS: booleanFlag.default('false'),
  /** The longest an assessment may run (collect to score) before it fails. */
  KUBEASSAY_ASSESSMENT_TIME_LIMIT_SECONDS: z.coerce.number().int().min(10).max(86_400).default(1_800),
  /** How often the worker pushes what is still owed to Jira and reads back statuses a webhook missed. */
  KUBEASSAY_TICKET_CATCH_UP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** Where users reach the API (http or https, no query or fragment): the origin of share links. */
  KUBEASSAY_PUBLIC_URL: z
    .string()
    .url()
    .refine((value) => {
      const url = new URL(value);
      return ['http:', 'https:'].includes(url.protocol) && !url.search && !url.hash && !url.username;
    }, 'must be an http(s) URL without credentials, query or fragment')
    .optional(),
  /** The consultancy on every report's cover. */
  KUBEASSAY_CONSULTANCY_NAME: z.string().trim().min(1).max(200).default('Kubeassay'),
  /** A PNG or JPEG file for the report's cover, read once by the worker. */
  KUBEASSAY_CONSULTANCY_LOGO: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  host: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  encryptionKey: EncryptionKey;
  /** Older keys, for reading credentials encrypted before a rotation. */
  previousEncryptionKeys: EncryptionKey[];
  apiKeyPepper: string;
  runMigrations: boolean;
  snapshotMaxBytes: number;
  jsonMaxBytes: number;
  /** What a registered cluster's kubeconfig and API server address may be; all false unless configured. */
  clusterNetwork: { allowLoopback: boolean; allowPrivate: boolean; allowInsecureTls: boolean };
  logLevel: string;
  assessmentTimeLimitMs: number;
  ticketCatchUpMs: number;
  /** Origin of the URLs the API hands out (share links), without a trailing slash. */
  publicUrl: string;
  /** Who the reports are from: the name, and the path of a logo file when configured. */
  consultancy: { name: string; logoPath?: string };
  /** Names of secrets that fell back to development values (logged loudly at boot). */
  developmentSecrets: string[];
}

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export class ConfigError extends Error {}

function decodeKey(value: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('KUBEASSAY_ENCRYPTION_KEY must be base64 of exactly 32 bytes');
  }
  return key;
}

function decodePreviousKeys(value: string): EncryptionKey[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const separator = entry.indexOf(':');
      const id = entry.slice(0, separator);
      if (separator < 1 || !KEY_ID.test(id)) {
        throw new ConfigError('KUBEASSAY_ENCRYPTION_PREVIOUS_KEYS must be a list of id:base64 entries');
      }
      return { id, key: decodeKey(entry.slice(separator + 1)) };
    });
}

/** Share links handed to clients must point at the real address: production has no default. */
function publicUrl(value: string | undefined, port: number, production: boolean): string {
  if (value === undefined || value === '') {
    if (production) {
      throw new ConfigError('KUBEASSAY_PUBLIC_URL is required in production');
    }
    return `http://localhost:${port}`;
  }
  return value.replace(/\/+$/, '');
}

/** Reads and validates the environment once; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  const developmentSecrets: string[] = [];
  const secret = (name: string, value: string | undefined, fallback: string): string => {
    if (value !== undefined && value !== '') {
      return value;
    }
    if (production) {
      throw new ConfigError(`${name} is required in production`);
    }
    developmentSecrets.push(name);
    return fallback;
  };
  return {
    environment: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    queuePrefix: values.KUBEASSAY_QUEUE_PREFIX,
    encryptionKey: {
      id: values.KUBEASSAY_ENCRYPTION_KEY_ID,
      key: decodeKey(
        secret('KUBEASSAY_ENCRYPTION_KEY', values.KUBEASSAY_ENCRYPTION_KEY, DEVELOPMENT_ENCRYPTION_KEY),
      ),
    },
    previousEncryptionKeys: decodePreviousKeys(values.KUBEASSAY_ENCRYPTION_PREVIOUS_KEYS),
    apiKeyPepper: secret('KUBEASSAY_API_KEY_PEPPER', values.KUBEASSAY_API_KEY_PEPPER, DEVELOPMENT_KEY_PEPPER),
    runMigrations: values.KUBEASSAY_MIGRATIONS_RUN,
    snapshotMaxBytes: values.KUBEASSAY_SNAPSHOT_MAX_BYTES,
    jsonMaxBytes: values.KUBEASSAY_JSON_MAX_BYTES,
    clusterNetwork: {
      allowLoopback: values.KUBEASSAY_ALLOW_LOOPBACK_ADDRESSES,
      allowPrivate: values.KUBEASSAY_ALLOW_PRIVATE_ADDRESSES,
      allowInsecureTls: values.KUBEASSAY_ALLOW_INSECURE_TLS,
    },
    logLevel: values.LOG_LEVEL,
    assessmentTimeLimitMs: values.KUBEASSAY_ASSESSMENT_TIME_LIMIT_SECONDS * 1000,
    ticketCatchUpMs: values.KUBEASSAY_TICKET_CATCH_UP_SECONDS * 1000,
    publicUrl: publicUrl(values.KUBEASSAY_PUBLIC_URL, values.PORT, production),
    consultancy: {
      name: values.KUBEASSAY_CONSULTANCY_NAME,
      ...(values.KUBEASSAY_CONSULTANCY_LOGO && { logoPath: values.KUBEASSAY_CONSULTANCY_LOGO }),
    },
    developmentSecrets,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
