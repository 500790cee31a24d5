import { Client } from 'pg';
import { generateCluster } from '../synthetic/cluster';
import { ApiClient, assess, createTarget } from './client';

export const PODS = 50_000;
const STAGES = ['collecting', 'evaluating', 'persisting', 'scoring'];

export interface IngestResult {
  pods: number;
  objects: number;
  uploadBytes: number;
  uploadMs: number;
  storedBytes: number;
  /** Milliseconds per stage, as the assessment reports them. */
  timings: Record<string, number | undefined>;
  stagesMs: number;
  /** The assessment's startedAt → finishedAt. */
  runMs: number;
  findings: number;
  findingsPerSecond: number;
  peakRssMb: number;
}

async function queryOne<T>(databaseUrl: string, sql: string, parameters: unknown[]): Promise<T | undefined> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T & object>(sql, parameters)).rows[0];
  } finally {
    await client.end();
  }
}

async function upload(client: ApiClient, clusterId: string, body: Buffer) {
  const started = performance.now();
  const snapshot = await client.request<{ objectCount: number }>(
    'POST',
    `/v1/clusters/${clusterId}/snapshots`,
    body,
    'application/vnd.kubeassay.snapshot+json',
  );
  return { objects: snapshot.objectCount, uploadMs: performance.now() - started };
}

/** Uploads a synthetic 50k-pod cluster as one JSON snapshot, assesses it and reads the stage timings. */
export async function ingest(
  client: ApiClient,
  databaseUrl: string,
  progress: (message: string) => void,
): Promise<IngestResult> {
  progress(`generating ${PODS} pods`);
  const body = Buffer.from(JSON.stringify(generateCluster(PODS)));
  const target = await createTarget(client, 'large');
  progress(`uploading ${(body.length / 1_048_576).toFixed(1)} MiB`);
  const { objects, uploadMs } = await upload(client, target.clusterId, body);
  progress('assessing the snapshot');
  const assessment = await assess(client, target);
  const count = await queryOne<{ count: string }>(
    databaseUrl,
    'SELECT count(*) AS count FROM findings WHERE assessment_id = $1',
    [assessment.id],
  );
  const stored = await queryOne<{ bytes: number }>(
    databaseUrl,
    'SELECT octet_length(content) AS bytes FROM snapshots WHERE cluster_id = $1',
    [target.clusterId],
  );
  const findings = Number(count?.count ?? 0);
  return {
    pods: PODS,
    objects,
    uploadBytes: body.length,
    uploadMs,
    storedBytes: Number(stored?.bytes ?? 0),
    timings: assessment.timings,
    stagesMs: STAGES.reduce((sum, stage) => sum + (assessment.timings[stage] ?? 0), 0),
    runMs: Date.parse(assessment.finishedAt ?? '') - Date.parse(assessment.startedAt ?? ''),
    findings,
    findingsPerSecond: findings / ((assessment.timings['persisting'] ?? Number.NaN) / 1000),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
