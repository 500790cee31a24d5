import { Client } from 'pg';
import { type ApiClient, assess, createTarget, type Target } from '../api/client';
import { generateCluster } from '../synthetic/cluster';
import type { WorkerProcess } from './worker';

export const PODS = 50_000;
/** Three assessments of the 50k-pod snapshot put ~240k findings in the database. */
export const ASSESSMENTS = 3;
export const STAGES = ['collecting', 'evaluating', 'persisting', 'scoring'] as const;

export interface RunResult {
  assessmentId: string;
  /** Milliseconds per stage, as the assessment reports them. */
  timings: Record<string, number | undefined>;
  stagesMs: number;
  /** The assessment's startedAt → finishedAt. */
  runMs: number;
  findings: number;
  findingsPerSecond: number;
  /** The worker's RSS high-water mark during this run. */
  workerPeakRssMiB: number;
}

export interface PipelineResult {
  pods: number;
  objects: number;
  uploadBytes: number;
  uploadMs: number;
  runs: RunResult[];
  findingsInDatabase: number;
}

async function countFindings(databaseUrl: string, assessmentId?: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      assessmentId === undefined
        ? 'SELECT count(*) AS count FROM findings'
        : 'SELECT count(*) AS count FROM findings WHERE assessment_id = $1',
      assessmentId === undefined ? [] : [assessmentId],
    );
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

/** The synthetic cluster as one JSON snapshot; the generated objects are garbage once this returns. */
async function uploadCluster(client: ApiClient, target: Target, progress: (message: string) => void) {
  progress(`generating ${PODS} pods`);
  const body = Buffer.from(JSON.stringify(generateCluster(PODS)));
  progress(`uploading ${(body.length / 1_048_576).toFixed(1)} MiB`);
  const started = performance.now();
  const snapshot = await client.request<{ objectCount: number }>(
    'POST',
    `/v1/clusters/${target.clusterId}/snapshots`,
    body,
    'application/vnd.kubeassay.snapshot+json',
  );
  return { objects: snapshot.objectCount, uploadBytes: body.length, uploadMs: performance.now() - started };
}

async function run(
  client: ApiClient,
  target: Target,
  worker: WorkerProcess,
  databaseUrl: string,
): Promise<RunResult> {
  worker.resetPeakRss();
  const assessment = await assess(client, target);
  const workerPeakRssMiB = worker.peakRssMiB();
  const findings = await countFindings(databaseUrl, assessment.id);
  return {
    assessmentId: assessment.id,
    timings: assessment.timings,
    stagesMs: STAGES.reduce((sum, stage) => sum + (assessment.timings[stage] ?? 0), 0),
    runMs: Date.parse(assessment.finishedAt ?? '') - Date.parse(assessment.startedAt ?? ''),
    findings,
    findingsPerSecond: findings / ((assessment.timings['persisting'] ?? Number.NaN) / 1000),
    workerPeakRssMiB,
  };
}

/** Uploads a 50k-pod snapshot and has the worker process assess it ASSESSMENTS times, one after the other. */
export async function runPipeline(
  client: ApiClient,
  worker: WorkerProcess,
  databaseUrl: string,
  progress: (message: string) => void,
): Promise<PipelineResult> {
  const target = await createTarget(client, 'large');
  const upload = await uploadCluster(client, target, progress);
  const runs: RunResult[] = [];
  for (let index = 1; index <= ASSESSMENTS; index++) {
    progress(`assessment ${index} of ${ASSESSMENTS}`);
    runs.push(await run(client, target, worker, databaseUrl));
  }
  return { pods: PODS, ...upload, runs, findingsInDatabase: await countFindings(databaseUrl) };
}
