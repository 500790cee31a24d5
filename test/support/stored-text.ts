import { gunzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/**
 * Everything a test's Redis prefix and database hold, as text to search for values that must never be stored in
 * the clear. Binary values are read byte for byte (latin1) so an ASCII secret inside them is still found, and
 * gzip content (snapshots) is also read inflated.
 */

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

function readable(bytes: Buffer): string {
  const texts = [bytes.toString('latin1')];
  if (bytes.subarray(0, 2).equals(GZIP_MAGIC)) {
    try {
      texts.push(gunzipSync(bytes).toString('latin1'));
    } catch {
      // Not gzip after all: the raw bytes were already read.
    }
  }
  return texts.join('\n');
}

/** One line per key under the prefix: its name, type and every value it holds, whatever the type. */
export async function redisText(redisUrl: string, prefix: string): Promise<string> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    const lines: string[] = [];
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 })) {
      for (const key of keys as string[]) {
        const type = await redis.type(key);
        lines.push(`${key} (${type}): ${(await redisValues(redis, key, type)).map(readable).join(' ')}`);
      }
    }
    return lines.join('\n');
  } finally {
    redis.disconnect();
  }
}

async function redisValues(redis: Redis, key: string, type: string): Promise<Buffer[]> {
  switch (type) {
    case 'string':
      return [(await redis.getBuffer(key)) ?? Buffer.alloc(0)];
    case 'hash':
      return Object.entries(await redis.hgetallBuffer(key)).flatMap(([field, value]) => [
        Buffer.from(field),
        value,
      ]);
    case 'list':
      return redis.lrangeBuffer(key, 0, -1);
    case 'set':
      return redis.smembersBuffer(key);
    case 'zset':
      return redis.zrangeBuffer(key, 0, -1, 'WITHSCORES');
    case 'stream':
      return (await redis.xrangeBuffer(key, '-', '+')).flatMap(([id, fields]) => [id, ...fields]);
    default:
      throw new Error(`redisText: key ${key} has type ${type}, which it cannot read`);
  }
}

/** Per table of every schema but the system ones: each row as Postgres prints it, then each bytea value read. */
export async function postgresText(databaseUrl: string): Promise<{ tables: string[]; text: string }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT schemaname AS schema, tablename AS name FROM pg_tables
       WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    const parts: string[] = [];
    for (const table of tables) {
      const qualified = `${client.escapeIdentifier(table.schema)}.${client.escapeIdentifier(table.name)}`;
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${qualified} t`);
      parts.push(`${qualified}:`, ...rows.map(({ row }) => row));
      const { rows: binaryColumns } = await client.query<{ column: string }>(
        `SELECT column_name AS column FROM information_schema.columns
         WHERE table_schema = $1 AND table_name = $2 AND data_type = 'bytea'`,
        [table.schema, table.name],
      );
      for (const { column } of binaryColumns) {
        const { rows: values } = await client.query<{ value: Buffer | null }>(
          `SELECT ${client.escapeIdentifier(column)} AS value FROM ${qualified}`,
        );
        parts.push(...values.flatMap(({ value }) => (value ? [readable(value)] : [])));
      }
    }
    return { tables: tables.map((table) => `${table.schema}.${table.name}`), text: parts.join('\n') };
  } finally {
    await client.end();
  }
}
