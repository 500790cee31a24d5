import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { type AppConfig, loadConfig } from '../../src/config/config';

const POSTGRES = 'postgres://postgres@127.0.0.1:5432';
/** A 50k-pod JSON snapshot is ~250 MB. */
const SNAPSHOT_MAX_BYTES = 512 * 1024 * 1024;

export interface BenchDatabase {
  name: string;
  /** Its own database (createApi creates and migrates it) and its own queue prefix; no log output. */
  config: AppConfig;
  drop(): Promise<void>;
}

/** A fresh database for one bench run, named `kubeassay_bench_<random>`. */
export function benchDatabase(): BenchDatabase {
  const suffix = randomBytes(6).toString('hex');
  const name = `kubeassay_bench_${suffix}`;
  return {
    name,
    config: loadConfig({
      NODE_ENV: 'development',
      DATABASE_URL: `${POSTGRES}/${name}`,
      LOG_LEVEL: 'silent',
      KUBEASSAY_QUEUE_PREFIX: `kubeassay-bench-${suffix}`,
      KUBEASSAY_SNAPSHOT_MAX_BYTES: String(SNAPSHOT_MAX_BYTES),
    }),
    drop: async () => {
      const client = new Client({ connectionString: `${POSTGRES}/postgres` });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
