import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/support/api';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DatabaseModule } from '../../common/database/database.module';
import { QueueModule } from '../../common/queue/queue.module';
import { ConfigModule } from '../../config/config.module';
import type { KubeObject } from '../../engine/kube-types';
import { ChecksModule } from '../checks/checks.module';
import { ClusterStoreModule } from '../clusters/cluster-store.module';
import { SnapshotEntity } from '../clusters/entities/snapshot.entity';
import { encodeSnapshot } from '../clusters/snapshot-codec';
import { FindingEntity } from '../findings/entities/finding.entity';
import { ExceptionStoreModule } from '../exceptions/exception-store.module';
import { FindingsModule } from '../findings/findings.module';
import { TriageStoreModule } from '../triage/triage-store.module';
import { AssessmentCollector } from './assessment-collector';
import { AssessmentInputError } from './assessment-input-error';
import { AssessmentRunner, FINDING_BATCH_SIZE, RunOutcome } from './assessment-runner';
import { AssessmentStoreModule } from './assessment-store.module';
import {
  type AssessmentProfile,
  AssessmentEntity,
  AssessmentStage,
  AssessmentStatus,
} from './entities/assessment.entity';

/** A root-capable pod with no hardening: over a dozen findings each. */
function unhardenedPod(index: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `worker-${index}`, namespace: index % 2 === 0 ? 'batch' : 'jobs' },
    spec: {
      containers: [
        { name: 'main', image: 'busybox' },
        { name: 'sidecar', image: 'nginx' },
      ],
    },
  } as KubeObject;
}

describe('AssessmentRunner', () => {
  let database: TestDatabase;
  let module: TestingModule;
  let runner: AssessmentRunner;
  let data: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(testConfig(database.url)),
        DatabaseModule,
        QueueModule,
        AssessmentStoreModule,
        ClusterStoreModule,
        FindingsModule,
        ChecksModule,
        ExceptionStoreModule,
        TriageStoreModule,
      ],
      providers: [AssessmentCollector, AssessmentRunner],
    }).compile();
    runner = module.get(AssessmentRunner);
    data = module.get(DataSource);
  });
  afterAll(async () => {
    await module.close();
    await database.drop();
  });

  async function queuedAssessment(objects: KubeObject[], profile: AssessmentProfile = {}) {
    const ids = { organizationId: randomUUID(), clusterId: randomUUID() };
    const snapshot = await data.getRepository(SnapshotEntity).save({
      ...ids,
      objectCount: objects.length,
      sizeBytes: '0',
      sha256: '0'.repeat(64),
      content: (await encodeSnapshot(objects)).content,
      inputErrors: [],
    });
    return data.getRepository(AssessmentEntity).save({
      ...ids,
      engagementId: randomUUID(),
      snapshotId: snapshot.id,
      status: AssessmentStatus.Queued,
      stage: AssessmentStage.Queued,
      profile,
    });
  }

  const reload = (id: string) => data.getRepository(AssessmentEntity).findOneByOrFail({ id });
  const findingCount = (assessmentId: string) => data.getRepository(FindingEntity).countBy({ assessmentId });
  const pods = (count: number) => Array.from({ length: count }, (_, index) => unhardenedPod(index));

  it('stores every finding across several batches with summary, scores and stage timings', async () => {
    const assessment = await queuedAssessment(pods(150));
    expect(await runner.run(assessment.id)).toBe(RunOutcome.Succeeded);
    const done = await reload(assessment.id);
    const stored = await findingCount(assessment.id);
    expect(stored).toBeGreaterThan(2 * FINDING_BATCH_SIZE);
    const open = Object.values(done.summary!.findings).reduce((sum, count) => sum + count, 0);
    expect(stored).toBe(open + done.summary!.accepted);
    expect(done).toMatchObject({
      status: AssessmentStatus.Succeeded,
      stage: AssessmentStage.Done,
      progress: 100,
    });
    expect(Object.keys(done.timings).sort()).toEqual(['collecting', 'evaluating', 'persisting', 'scoring']);
    expect(done.scores?.matrix.application.runtime.checks.failed).toBeGreaterThan(0);
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
  });

  it('yields the same rows when the run is repeated after a crash, and skips a finished assessment', async () => {
    const assessment = await queuedAssessment(pods(120));
    await runner.run(assessment.id);
    const first = await data
      .getRepository(FindingEntity)
      .find({ where: { assessmentId: assessment.id }, order: { seq: 'ASC' } });
    // A worker killed after persisting leaves the row running; the retried job runs it again.
    await data
      .getRepository(AssessmentEntity)
      .update({ id: assessment.id }, { status: AssessmentStatus.Running });
    expect(await runner.run(assessment.id)).toBe(RunOutcome.Succeeded);
    const second = await data
      .getRepository(FindingEntity)
      .find({ where: { assessmentId: assessment.id }, order: { seq: 'ASC' } });
    expect(second.map((finding) => finding.seq)).toEqual(first.map((finding) => finding.seq));
    expect(await runner.run(assessment.id)).toBe(RunOutcome.Skipped);
    expect(await findingCount(assessment.id)).toBe(first.length);
  });

  it('completes a run that stopped half-way through persisting without duplicating the stored half', async () => {
    const objects = pods(100);
    const reference = await queuedAssessment(objects);
    await runner.run(reference.id);
    const expected = await findingCount(reference.id);
    const assessment = await queuedAssessment(objects);
    await runner.run(assessment.id);
    const rows = await data
      .getRepository(FindingEntity)
      .find({ where: { assessmentId: assessment.id }, order: { seq: 'ASC' } });
    await data.getRepository(FindingEntity).delete(rows.slice(FINDING_BATCH_SIZE).map((row) => row.seq));
    await data
      .getRepository(AssessmentEntity)
      .update({ id: assessment.id }, { status: AssessmentStatus.Running });
    await runner.run(assessment.id);
    expect(await findingCount(assessment.id)).toBe(expected);
  });

  it('applies the profile: checks and namespaces', async () => {
    const assessment = await queuedAssessment(pods(10), {
      checks: ['container-privilege-escalation-allowed'],
      namespaces: ['batch'],
    });
    await runner.run(assessment.id);
    const findings = await data.getRepository(FindingEntity).findBy({ assessmentId: assessment.id });
    expect(findings.length).toBe(10);
    expect(new Set(findings.map((finding) => `${finding.check} ${finding.resourceNamespace}`))).toEqual(
      new Set(['container-privilege-escalation-allowed batch']),
    );
  });

  it('rejects a run whose snapshot is gone as permanent input trouble', async () => {
    const assessment = await queuedAssessment(pods(1));
    await data.getRepository(SnapshotEntity).delete({ id: assessment.snapshotId });
    await expect(runner.run(assessment.id)).rejects.toThrow(AssessmentInputError);
    await runner.fail(assessment.id, 'the snapshot no longer exists');
    expect(await reload(assessment.id)).toMatchObject({
      status: AssessmentStatus.Failed,
      failure: 'the snapshot no longer exists',
    });
  });

  it('skips an assessment that does not exist', async () => {
    expect(await runner.run(randomUUID())).toBe(RunOutcome.Skipped);
  });
});
