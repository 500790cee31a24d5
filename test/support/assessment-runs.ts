import type { components } from '../../openapi/schema';
import type { ApiClient } from './client';

export type Assessment = components['schemas']['AssessmentDto'];
export type Finding = components['schemas']['FindingDto'];

/** Creates an assessment through the API and waits until its run has ended; returns it as it ended. */
export async function runAssessment(
  client: ApiClient,
  target: { engagementId: string; clusterId: string },
  timeoutMs = 120_000,
): Promise<Assessment> {
  const created = await client.POST('/v1/assessments', { body: target });
  if (created.response.status !== 202) {
    throw new Error(`creating the assessment answered ${created.response.status}`);
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await client.GET('/v1/assessments/{id}', { params: { path: { id: created.data!.id } } });
    if (['succeeded', 'failed', 'cancelled'].includes(data!.status) || Date.now() > deadline) {
      return data!;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every finding of an assessment, through the paged listing. */
export async function listAllFindings(client: ApiClient, assessmentId: string): Promise<Finding[]> {
  const items: Finding[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await client.GET('/v1/assessments/{id}/findings', {
      params: { path: { id: assessmentId }, query: { limit: 500, ...(cursor && { cursor }) } },
    });
    items.push(...data!.items);
    cursor = data!.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}
