import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { type AppConfig, loadConfig } from '../../src/config/config';
import { createApi } from '../../src/http/create-api';
import { ApiKeyService } from '../../src/modules/auth/api-key.service';
import { Role } from '../../src/modules/auth/role';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestApi {
  app: INestApplication;
  baseUrl: string;
  config: AppConfig;
  database: TestDatabase;
  /** An admin key minted straight through the service, as `kubeassay api-key create` does. */
  adminKey: string;
  createKey(role: Role, organizationId?: string): Promise<string>;
  close(): Promise<void>;
}

/** Config for a test: its own database and its own Redis key prefix, so test files run in parallel. */
export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }),
    queuePrefix: `kubeassay-test-${randomBytes(6).toString('hex')}`,
    runMigrations: false,
    ...overrides,
  };
}

/** Starts the real API on an ephemeral port against a fresh database and the local Redis. */
export async function startTestApi(overrides: Partial<AppConfig> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, overrides);
  const app = await createApi(config);
  app.useLogger(false);
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as import('node:http').Server).address() as { port: number };
  const keys = app.get(ApiKeyService);
  const createKey = async (role: Role, organizationId?: string) =>
    (await keys.create({ name: `test ${role}`, role, organizationId: organizationId ?? null })).key;
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    database,
    adminKey: await createKey(Role.Admin),
    createKey,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
