import { DataSource } from 'typeorm';
import { generateScenario, type FakeKube, NO_FAULTS, startFakeKube } from '../support/fake-kube';
import {
  type Assessment,
  assessCluster,
  type LiveClusterHarness,
  registerFakeCluster,
  startLiveClusterHarness,
} from '../support/live-cluster';
import { readEventStream } from '../support/sse';

interface Event {
  status: string;
  stage: string;
  progress: number;
}

const STAGES = ['queued', 'collecting', 'evaluating', 'persisting', 'scoring', 'done'];

jest.setTimeout(60_000);

describe('assessment control: cancel, one run per cluster, time limit, events', () => {
  let fake: FakeKube;
  let harness: LiveClusterHarness;
  let data: DataSource;

  const read = async (id: string): Promise<Assessment> =>
    (await harness.consultant.GET('/v1/assessments/{id}', { params: { path: { id } } })).data!;
  const create = async (clusterId: string): Promise<string> =>
    (
      await harness.consultant.POST('/v1/assessments', {
        body: { engagementId: harness.engagementId, clusterId },
      })
    ).data!.id;
  const findingsOf = async (id: string): Promise<number> => {
    const rows: { n: string }[] = await data.query(
      'SELECT count(*) AS n FROM findings WHERE assessment_id = $1',
      [id],
    );
    return Number(rows[0]!.n);
  };
  async function waitFor(id: string, done: (assessment: Assessment) => boolean, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const assessment = await read(id);
      if (done(assessment) || Date.now() > deadline) {
        return assessment;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  const cancel = (id: string) =>
    harness.consultant.POST('/v1/assessments/{id}/cancel', { params: { path: { id } } });

  beforeAll(async () => {
    fake = await startFakeKube({ objects: generateScenario({ pods: 6_000, namespaces: 20 }) });
    harness = await startLiveClusterHarness();
    data = harness.api.app.get(DataSource);
  });
  afterAll(async () => {
    await harness.close();
    await fake.stop();
  });
  afterEach(() => fake.setFaults(NO_FAULTS));

  it('cancels during collection within 2 s, and the run stops without leaving findings', async () => {
    const cluster = await registerFakeCluster(harness, fake, 'cancel-collecting');
    fake.setFaults({ latencyMs: 400 });
    const id = await create(cluster);
    await waitFor(id, (assessment) => assessment.stage === 'collecting');
    const asked = Date.now();
    const cancelled = await cancel(id);
    expect(cancelled.response.status).toBe(200);
    expect(cancelled.data!.status).toBe('cancelled');
    expect(Date.now() - asked).toBeLessThan(2_000);
    // Within a second the worker notices and aborts what it has in flight; after that, nothing more is asked.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const requests = fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(fake.requests.length).toBe(requests);
    expect((await read(id)).status).toBe('cancelled');
    expect(await findingsOf(id)).toBe(0);
  });

  it('cancels during evaluation and persisting: cancelled at once, no findings left', async () => {
    const cluster = await registerFakeCluster(harness, fake, 'cancel-evaluating');
    for (const stage of ['evaluating', 'persisting']) {
      const id = await create(cluster);
      const reached = await waitFor(
        id,
        (assessment) => STAGES.indexOf(assessment.stage) >= STAGES.indexOf(stage),
      );
      if (reached.status !== 'running') {
        throw new Error(`the run ended before it could be cancelled while ${stage}`);
      }
      const asked = Date.now();
      expect((await cancel(id)).data!.status).toBe('cancelled');
      expect(Date.now() - asked).toBeLessThan(2_000);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await read(id)).status).toBe('cancelled');
      expect(await findingsOf(id)).toBe(0);
    }
  });

  it('refuses to cancel a finished assessment (409) and answers 404 for an unknown one', async () => {
    const cluster = await registerFakeCluster(harness, fake, 'finished');
    const finished = await assessCluster(harness, cluster);
    expect(finished.status).toBe('succeeded');
    const again = await cancel(finished.id);
    expect(again.response.status).toBe(409);
    expect((again.error as unknown as { error: { code: string } }).error.code).toBe('ASSESSMENT_NOT_ACTIVE');
    expect((await cancel('00000000-0000-4000-8000-000000000000')).response.status).toBe(404);
  });

  it('runs one assessment of a cluster at a time; the next waits and then succeeds', async () => {
    const cluster = await registerFakeCluster(harness, fake, 'serialized');
    fake.setFaults({ latencyMs: 150 });
    const [first, second] = [await create(cluster), await create(cluster)];
    let both = 0;
    for (;;) {
      const [a, b] = await Promise.all([read(first), read(second)]);
      if (a.status === 'running' && b.status === 'running') {
        both++;
      }
      if (['succeeded', 'failed'].includes(a.status) && ['succeeded', 'failed'].includes(b.status)) {
        expect([a.status, b.status]).toEqual(['succeeded', 'succeeded']);
        expect(Date.parse(b.startedAt!)).toBeGreaterThanOrEqual(Date.parse(a.finishedAt!));
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(both).toBe(0);
  });

  it('fails a run left running past its time limit (its job lost) instead of letting it block the cluster', async () => {
    const cluster = await registerFakeCluster(harness, fake, 'abandoned');
    const stuck = await create(cluster);
    await waitFor(stuck, (assessment) => assessment.status !== 'queued');
    await waitFor(stuck, (assessment) => ['succeeded', 'failed'].includes(assessment.status));
    // As if its worker had died for good an hour ago, with the job gone.
    await data.query(
      "UPDATE assessments SET status = 'running', started_at = now() - interval '1 day', finished_at = NULL WHERE id = $1",
      [stuck],
    );
    const next = await assessCluster(harness, cluster);
    expect(next.status).toBe('succeeded');
    // Read from the table: the API answered this id while it was finished, and finished rows are cached.
    const [abandoned]: { status: string; failure: string }[] = await data.query(
      'SELECT status, failure FROM assessments WHERE id = $1',
      [stuck],
    );
    expect(abandoned!.status).toBe('failed');
    expect(abandoned!.failure).toMatch(/abandoned/);
  });

  it('streams every stage change in order as server-sent events, ending with the outcome', async () => {
    const cluster = await registerFakeCluster(harness, fake, 'streamed');
    const id = await create(cluster);
    const stream = await readEventStream<Event>(`${harness.api.baseUrl}/v1/assessments/${id}/events`, {
      authorization: `Bearer ${harness.consultantKey}`,
    });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const stages = stream.events
      .map((event) => event.data.stage)
      .filter((stage, index, all) => stage !== all[index - 1]);
    expect(stages).toEqual(STAGES);
    const progress = stream.events.map((event) => event.data.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(stream.events.at(-1)!.data.status).toBe('succeeded');
    // Replayed whole for a late subscriber, and 404 for an unknown assessment.
    const late = await readEventStream<Event>(`${harness.api.baseUrl}/v1/assessments/${id}/events`, {
      authorization: `Bearer ${harness.consultantKey}`,
    });
    expect(late.events.map((event) => event.data)).toEqual(stream.events.map((event) => event.data));
    const unknown = await readEventStream<Event>(
      `${harness.api.baseUrl}/v1/assessments/00000000-0000-4000-8000-000000000000/events`,
      { authorization: `Bearer ${harness.consultantKey}` },
    );
    expect(unknown.status).toBe(404);
  });
});

describe('assessment time limit', () => {
  it('fails a run that exceeds the configured limit, with the reason', async () => {
    const fake = await startFakeKube({ objects: generateScenario({ pods: 200, namespaces: 2 }) });
    const harness = await startLiveClusterHarness({ assessmentTimeLimitMs: 1_000 });
    try {
      const cluster = await registerFakeCluster(harness, fake, 'slow');
      fake.setFaults({ latencyMs: 600 });
      const assessment = await assessCluster(harness, cluster);
      expect(assessment.status).toBe('failed');
      expect(assessment.failure).toMatch(/ran out of time \(limit 1 s\)/);
    } finally {
      await harness.close();
      await fake.stop();
    }
  });
});
