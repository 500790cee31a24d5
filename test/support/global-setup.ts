import { randomBytes } from 'node:crypto';
import { createDataSource } from '../../src/common/database/data-source';
import { ensureDatabase } from '../../src/common/database/ensure-database';
import { databaseUrl } from './database-names';

/** Once per test run: a migrated template database that every test file clones. */
export default async function globalSetup(): Promise<void> {
  const template = `kubeassay_test_template_${randomBytes(4).toString('hex')}`;
  process.env['KUBEASSAY_TEST_TEMPLATE'] = template;
  await ensureDatabase(databaseUrl(template));
  const dataSource = createDataSource(databaseUrl(template));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
