import { Client } from 'pg';

/** Creates the database named in the URL when it does not exist, connecting to the server's `postgres` database. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) {
    throw new Error(`database name ${JSON.stringify(name)} is not a plain identifier`);
  }
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`);
    }
  } catch (error) {
    // Two processes starting together may both try; the loser sees a duplicate (42P04, or 23505 on the catalog).
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') {
      throw error;
    }
  } finally {
    await client.end();
  }
}
