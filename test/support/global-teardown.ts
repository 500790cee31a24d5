import { Client } from 'pg';
import { adminUrl } from './database-names';

export default async function globalTeardown(): Promise<void> {
  const template = process.env['KUBEASSAY_TEST_TEMPLATE'];
  if (!template) {
    return;
  }
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
