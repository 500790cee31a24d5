import { Client } from 'pg';
import { createDataSource } from '../../src/common/database/data-source';
import { ensureDatabase } from '../../src/common/database/ensure-database';
import { TEMPLATE_DATABASE, adminUrl, databaseUrl } from './database-names';

/** Once per test run: a migrated template database that every test file clones. */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await ensureDatabase(databaseUrl(TEMPLATE_DATABASE));
  const dataSource = createDataSource(databaseUrl(TEMPLATE_DATABASE));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
