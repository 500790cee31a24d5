import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import type { components } from '../../openapi/schema';
import { AppModule } from '../../src/app.module';
import { QueueName } from '../../src/common/queue/queues';
import { Role } from '../../src/modules/auth/role';
import { startTestApi, type TestApi } from '../support/api';
import { apiClient, type ApiClient } from '../support/client';

jest.setTimeout(60_000);

type Assessment = components['schemas']['AssessmentDto'];
type Summary = components['schemas']['EngagementSummaryDto'];
type Matrix = components['schemas']['ScoreMatrixDto'];
type Score = components['schemas']['ScoreDto'];

/** A namespace and one Deployment, made worse by each option. */
function workloadYaml(name: string, options: { hostNetwork?: boolean; privileged?: boolean } = {}): string {
  return `
apiVersion: v1
kind: Namespace
metadata: { name: ${name} }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${name} }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      hostNetwork: ${options.hostNetwork === true}
      containers:
        - name: app
          image: registry.example.com/${name}:1.0
          securityContext: { privileged: ${options.privileged === true} }
`;
}

/** The engagement-wide cell as documented: counts summed over the clusters, the lowest score. */
function expectedCell(cells: Score[]): Score {
  const total = (value: (cell: Score) => number) => cells.reduce((sum, cell) => sum + value(cell), 0);
  const scores = cells.map((cell) => cell.score).filter((score): score is number => score !== null);
  return {
    checks: {
      passed: total((cell) => cell.checks.passed),
      failed: total((cell) => cell.checks.failed),
      notEvaluated: total((cell) => cell.checks.notEvaluated),
      notApplicable: total((cell) => cell.checks.notApplicable),
    },
    findings: {
      critical: total((cell) => cell.findings.critical),
      high: total((cell) => cell.findings.high),
      medium: total((cell) => cell.findings.medium),
      low: total((cell) => cell.findings.low),
      info: total((cell) => cell.findings.info),
    },
    score: scores.length === 0 ? null : Math.min(...scores),
  };
}

function expectedMatrix(matrices: Matrix[]): Matrix {
  const layers = Object.keys(matrices[0]!) as (keyof Matrix)[];
  return Object.fromEntries(
    layers.map((layer) => {
      const phases = Object.keys(matrices[0]![layer]) as (keyof Matrix[typeof layer])[];
      return [
        layer,
        Object.fromEntries(
          phases.map((phase) => [phase, expectedCell(matrices.map((m) => m[layer][phase]))]),
        ),
      ];
    }),
  ) as unknown as Matrix;
}

describe('engagement summary', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let consultantKey: string;
  let consultant: ApiClient;
  let organizationId: string;
  let engagementId: string;
  let alpha: string;
  let beta: string;
  let gamma: string;
  /** alpha, host network and a privileged container; then alpha with the host network fixed; beta. */
  let alphaFirst: Assessment;
  let alphaSecond: Assessment;
  let betaFirst: Assessment;

  const uploadSnapshot = async (cluster: string, yaml: string) => {
    const response = await fetch(`${api.baseUrl}/v1/clusters/${cluster}/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${consultantKey}` },
      body: yaml,
    });
    expect(response.status).toBe(201);
  };
  const createCluster = async (name: string) => {
    const { data } = await consultant.POST('/v1/clusters', {
      body: { organizationId, name, source: { type: 'snapshot' } },
    });
    return data!.id;
  };
  const createEngagement = async (name: string, clusterIds?: string[]) => {
    const { data } = await consultant.POST('/v1/engagements', {
      body: { organizationId, name, ...(clusterIds && { scope: { clusterIds } }) },
    });
    return data!.id;
  };
  const assess = async (engagement: string, cluster: string): Promise<Assessment> => {
    const created = await consultant.POST('/v1/assessments', {
      body: { engagementId: engagement, clusterId: cluster },
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { data } = await consultant.GET('/v1/assessments/{id}', {
        params: { path: { id: created.data!.id } },
      });
      if (!['queued', 'running'].includes(data!.status) || Date.now() > deadline) {
        expect(data!.status).toBe('succeeded');
        return data!;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const summaryOf = async (id: string, key = consultantKey) => {
    const { data, response } = await apiClient(api.baseUrl, key).GET('/v1/engagements/{id}/summary', {
      params: { path: { id } },
    });
    return { status: response.status, summary: data as Summary };
  };
  const trendPoint = (assessment: Assessment) => ({
    assessmentId: assessment.id,
    queuedAt: assessment.queuedAt,
    finishedAt: assessment.finishedAt,
    findings: assessment.summary!.findings,
    score: assessment.scores!.overall.score,
  });
  const brief = (assessment: Assessment) => ({
    id: assessment.id,
    status: assessment.status,
    queuedAt: assessment.queuedAt,
    finishedAt: assessment.finishedAt,
    summary: assessment.summary,
    matrix: assessment.matrix,
  });

  beforeAll(async () => {
    api = await startTestApi();
    worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), { logger: false });
    consultantKey = await api.createKey(Role.Consultant);
    consultant = apiClient(api.baseUrl, consultantKey);
    const { data } = await consultant.POST('/v1/organizations', { body: { name: 'Shop' } });
    organizationId = data!.id;
    [alpha, beta, gamma] = [
      await createCluster('alpha'),
      await createCluster('beta'),
      await createCluster('gamma'),
    ];
    engagementId = await createEngagement('Q3 review');
    await uploadSnapshot(alpha, workloadYaml('alpha', { hostNetwork: true, privileged: true }));
    alphaFirst = await assess(engagementId, alpha);
    await uploadSnapshot(alpha, workloadYaml('alpha', { privileged: true }));
    alphaSecond = await assess(engagementId, alpha);
    await uploadSnapshot(beta, workloadYaml('beta'));
    betaFirst = await assess(engagementId, beta);
    // gamma is assessed in another engagement only: not this engagement's cluster, nor its data.
    await uploadSnapshot(gamma, workloadYaml('gamma'));
    await assess(await createEngagement('Other work'), gamma);
    await assess(await createEngagement('Other work on alpha'), alpha);
  });
  afterAll(async () => {
    await worker?.get<Queue>(getQueueToken(QueueName.AssessmentRun)).obliterate({ force: true });
    await worker?.close();
    await api?.close();
  });

  it("lists the clusters assessed in the engagement, each with its latest assessment and that one's matrix", async () => {
    const { status, summary } = await summaryOf(engagementId);
    expect(status).toBe(200);
    expect([summary.engagementId, summary.organizationId, summary.clustersFrom]).toEqual([
      engagementId,
      organizationId,
      'assessed',
    ]);
    expect(summary.clusters.map((cluster) => [cluster.id, cluster.name])).toEqual([
      [alpha, 'alpha'],
      [beta, 'beta'],
    ]);
    const [alphaSummary, betaSummary] = summary.clusters;
    expect(alphaSummary!.latestAssessment).toEqual(brief(alphaSecond));
    expect(alphaSummary!.latestSucceededAssessment).toEqual(brief(alphaSecond));
    expect(betaSummary!.latestAssessment).toEqual(brief(betaFirst));
  });

  it('shows the open findings by severity of every succeeded assessment in time order', async () => {
    const { summary } = await summaryOf(engagementId);
    const [alphaSummary, betaSummary] = summary.clusters;
    expect(alphaSummary!.trend).toEqual([trendPoint(alphaFirst), trendPoint(alphaSecond)]);
    expect(betaSummary!.trend).toEqual([trendPoint(betaFirst)]);
    // Fixing the host network shows as one high finding fewer.
    expect(alphaFirst.summary!.findings.high - alphaSecond.summary!.findings.high).toBe(1);
  });

  it("combines the clusters' latest matrices: counts summed per cell, the lowest score", async () => {
    const { summary } = await summaryOf(engagementId);
    expect(summary.matrixAssessmentIds).toEqual([alphaSecond.id, betaFirst.id]);
    expect(summary.matrix).toEqual(expectedMatrix([alphaSecond.matrix!, betaFirst.matrix!]));
    // alpha's privileged container is the difference: application × runtime has alpha's (lower) score.
    const cell = summary.matrix!.application.runtime;
    expect(cell.score).toBe(alphaSecond.matrix!.application.runtime.score);
    expect(cell.score).toBeLessThan(betaFirst.matrix!.application.runtime.score!);
    expect(cell.findings.critical).toBe(
      alphaSecond.matrix!.application.runtime.findings.critical +
        betaFirst.matrix!.application.runtime.findings.critical,
    );
  });

  it('shows a failed latest run as the latest, and keeps counting the last succeeded one', async () => {
    const failed = await insertFailedAssessment(api, { organizationId, engagementId, clusterId: beta });
    const { summary } = await summaryOf(engagementId);
    const betaSummary = summary.clusters.find((cluster) => cluster.id === beta)!;
    expect(betaSummary.latestAssessment).toMatchObject({
      id: failed,
      status: 'failed',
      summary: null,
      matrix: null,
    });
    expect(betaSummary.latestSucceededAssessment!.id).toBe(betaFirst.id);
    expect(betaSummary.trend.map((point) => point.assessmentId)).toEqual([betaFirst.id]);
    expect(summary.matrixAssessmentIds).toEqual([alphaSecond.id, betaFirst.id]);
  });

  it("takes the clusters from the engagement's scope when it has one, assessed or not", async () => {
    const scoped = await createEngagement('Scoped', [gamma, alpha]);
    const alphaScoped = await assess(scoped, alpha);
    await assess(scoped, beta);
    const { summary } = await summaryOf(scoped);
    expect(summary.clustersFrom).toBe('scope');
    expect(summary.clusters.map((cluster) => cluster.name)).toEqual(['alpha', 'gamma']);
    const [alphaSummary, gammaSummary] = summary.clusters;
    expect(alphaSummary!.trend).toEqual([trendPoint(alphaScoped)]);
    expect(gammaSummary).toEqual({
      id: gamma,
      name: 'gamma',
      latestAssessment: null,
      latestSucceededAssessment: null,
      trend: [],
    });
    expect(summary.matrix).toEqual(alphaScoped.matrix);
    expect(summary.matrixAssessmentIds).toEqual([alphaScoped.id]);
  });

  it('has no matrix for an engagement without assessments', async () => {
    const { summary } = await summaryOf(await createEngagement('Not started'));
    expect(summary).toMatchObject({
      clustersFrom: 'assessed',
      clusters: [],
      matrix: null,
      matrixAssessmentIds: [],
    });
  });

  it("serves the organization's client and integration keys, and 404 to another organization", async () => {
    const client = await api.createKey(Role.Client, organizationId);
    const integration = await api.createKey(Role.Integration, organizationId);
    expect((await summaryOf(engagementId, client)).summary.clusters).toHaveLength(2);
    expect((await summaryOf(engagementId, integration)).summary.clusters).toHaveLength(2);
    const { data: stranger } = await consultant.POST('/v1/organizations', { body: { name: 'Bank' } });
    const strangerKey = await api.createKey(Role.Client, stranger!.id);
    const denied = await fetch(`${api.baseUrl}/v1/engagements/${engagementId}/summary`, {
      headers: { authorization: `Bearer ${strangerKey}` },
    });
    expect(denied.status).toBe(404);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const invalid = await fetch(`${api.baseUrl}/v1/engagements/not-an-id/summary`, {
      headers: { authorization: `Bearer ${consultantKey}` },
    });
    expect(invalid.status).toBe(400);
  });
});

/** A run that ended in failure, written as the worker leaves one: no results. */
async function insertFailedAssessment(
  api: TestApi,
  owner: { organizationId: string; engagementId: string; clusterId: string },
): Promise<string> {
  const database = new Client({ connectionString: api.database.url });
  await database.connect();
  try {
    const { rows } = await database.query<{ id: string }>(
      `INSERT INTO assessments (organization_id, engagement_id, cluster_id, status, stage, failure, finished_at)
       VALUES ($1, $2, $3, 'failed', 'collecting', 'the snapshot could not be read', now()) RETURNING id`,
      [owner.organizationId, owner.engagementId, owner.clusterId],
    );
    return rows[0]!.id;
  } finally {
    await database.end();
  }
}
