import { assess, type ApiClient } from '../api/client';
import type { FakeJira } from '../../test/support/fake-jira';
import { privilegedDeployment, snapshotList } from '../../test/support/privileged-deployments';

/** The issue's scenario: 1,000 tickets, one per namespace. */
export const TICKETS = 1_000;
const WEBHOOK_SECRET = 'bench-webhook-secret-of-some-length';

export interface Scenario {
  organizationId: string;
  engagementId: string;
  clusterId: string;
  assessMs: number;
  /** `POST /v1/engagements/:id/tickets {minSeverity: critical}`, request to response. */
  buildMs: number;
  tickets: number;
}

/**
 * The named Deployments in each of `namespaces` namespaces, each running a privileged container: one critical
 * finding per Deployment, one ticket (check × namespace) per namespace.
 */
function privilegedDeployments(namespaces: number, names: readonly string[]): string {
  return snapshotList(
    Array.from({ length: namespaces }, (_, index) =>
      names.map((name) => privilegedDeployment(`team-${index}`, name)),
    ).flat(),
  );
}

async function uploadAndAssess(
  client: ApiClient,
  target: { engagementId: string; clusterId: string },
  names: readonly string[],
): Promise<number> {
  await client.request(
    'POST',
    `/v1/clusters/${target.clusterId}/snapshots`,
    privilegedDeployments(TICKETS, names),
    'application/vnd.kubeassay.snapshot+json',
  );
  const started = performance.now();
  await assess(client, { engagementId: target.engagementId, clusterId: target.clusterId });
  return performance.now() - started;
}

async function buildTickets(client: ApiClient, engagementId: string) {
  const started = performance.now();
  const result = await client.request<{ created: number; updated: number }>(
    'POST',
    `/v1/engagements/${engagementId}/tickets`,
    JSON.stringify({ minSeverity: 'critical' }),
    'application/json',
  );
  return { ...result, ms: performance.now() - started };
}

/**
 * An organization with a snapshot cluster of TICKETS namespaces, assessed, its critical findings built into
 * TICKETS tickets, and Jira settings pointing at the fake.
 */
export async function prepare(
  client: ApiClient,
  jira: FakeJira,
  progress: (message: string) => void,
): Promise<Scenario> {
  const organizationId = await client.create('/v1/organizations', { name: 'Jira bench' });
  const engagementId = await client.create('/v1/engagements', { organizationId, name: 'Jira bench' });
  const clusterId = await client.create('/v1/clusters', {
    organizationId,
    name: 'bench-prod',
    source: { type: 'snapshot' },
  });
  progress(`uploading ${TICKETS} privileged Deployments, one per namespace, and assessing them`);
  const assessMs = await uploadAndAssess(client, { engagementId, clusterId }, ['api']);
  progress('building the tickets');
  const built = await buildTickets(client, engagementId);
  if (built.created !== TICKETS) {
    throw new Error(`expected ${TICKETS} tickets, the build created ${built.created}`);
  }

  await client.request(
    'PUT',
    `/v1/organizations/${organizationId}/integrations/jira`,
    JSON.stringify({
      baseUrl: jira.url,
      projectKey: jira.project.key,
      issueType: 'Task',
      auth: { type: 'basic', email: jira.credentials.email, token: jira.credentials.apiToken },
      webhookSecret: WEBHOOK_SECRET,
    }),
    'application/json',
  );
  return { organizationId, engagementId, clusterId, assessMs, buildMs: built.ms, tickets: built.created };
}

/**
 * A second privileged Deployment in every namespace, assessed and built into the tickets: every ticket takes in a
 * finding and its revision goes up, so its next push edits the issue.
 */
export async function addFindings(
  client: ApiClient,
  scenario: Scenario,
  progress: (message: string) => void,
): Promise<void> {
  progress(`adding a second privileged Deployment to each of the ${TICKETS} namespaces`);
  await uploadAndAssess(client, scenario, ['api', 'web']);
  const built = await buildTickets(client, scenario.engagementId);
  if (built.updated !== TICKETS) {
    throw new Error(`expected ${TICKETS} tickets updated, the build updated ${built.updated}`);
  }
}
