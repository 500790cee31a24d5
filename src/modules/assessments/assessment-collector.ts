import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { collectCluster, type CollectionProgress } from '../../collectors/kubernetes/collector';
import { KubeHttpError } from '../../collectors/kubernetes/kube-http';
import { UnknownKeyError } from '../../common/crypto/credential-cipher';
import { DomainError } from '../../common/errors/domain-error';
import type { ClusterInfo, CoverageGap } from '../../engine/inventory/inventory';
import type { KubeObject } from '../../engine/kube-types';
import { ClusterRepository } from '../clusters/cluster.repository';
import { ClusterConnector, ClusterCredentialsMissingError } from '../clusters/credentials/cluster-connector';
import { ClusterSourceType } from '../clusters/entities/cluster.entity';
import { SnapshotOrigin } from '../clusters/entities/snapshot.entity';
import { SnapshotRepository } from '../clusters/snapshot.repository';
import { AssessmentInputError } from './assessment-input-error';
import { AssessmentRepository } from './assessment.repository';
import { type AssessmentEntity, AssessmentStage, AssessmentStatus } from './entities/assessment.entity';
import { AssessmentEvents } from './events/assessment-events';

export interface CollectedInventory {
  objects: KubeObject[];
  coverageGaps: CoverageGap[];
  clusterInfo: ClusterInfo;
}

/** Progress while collecting moves between these (the evaluating stage starts at the upper one). */
const COLLECTING_PROGRESS = { from: 5, to: 20 };
const PROGRESS_INTERVAL_MS = 1_000;

/** Failures no retry can fix: the run fails at once with a message for the consultant. */
function permanent(error: unknown): AssessmentInputError | undefined {
  if (error instanceof DomainError) {
    return new AssessmentInputError(`the cluster cannot be reached safely: ${error.message}`);
  }
  if (error instanceof KubeHttpError && error.status === 401) {
    return new AssessmentInputError('the API server rejected the credentials (401): replace them');
  }
  if (error instanceof UnknownKeyError || error instanceof ClusterCredentialsMissingError) {
    return new AssessmentInputError(`the cluster's credentials cannot be opened: ${error.message}`);
  }
  return undefined;
}

/**
 * The inventory an assessment evaluates. A snapshot cluster's is the snapshot named at creation. A live
 * cluster's is collected on the first attempt and stored as a snapshot attached to the assessment, so a retry
 * after a crash evaluates the very same objects instead of collecting again.
 */
@Injectable()
export class AssessmentCollector {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly clusters: ClusterRepository,
    private readonly snapshots: SnapshotRepository,
    private readonly connector: ClusterConnector,
    private readonly events: AssessmentEvents,
  ) {}

  async inventoryFor(assessment: AssessmentEntity, signal: AbortSignal): Promise<CollectedInventory> {
    const snapshotId = assessment.snapshotId ?? (await this.collectLive(assessment, signal));
    let stored: CollectedInventory | null;
    try {
      stored = await this.snapshots.load(snapshotId);
    } catch (error) {
      if (error instanceof SyntaxError || (error as { code?: unknown }).code === 'Z_DATA_ERROR') {
        throw new AssessmentInputError('the snapshot content is unreadable');
      }
      throw error;
    }
    if (!stored) {
      throw new AssessmentInputError('the snapshot no longer exists');
    }
    return stored;
  }

  private async collectLive(assessment: AssessmentEntity, signal: AbortSignal): Promise<string> {
    const cluster = await this.clusters.findById(assessment.clusterId);
    if (cluster?.sourceType !== ClusterSourceType.Kubeconfig) {
      throw new AssessmentInputError('the assessment names no snapshot');
    }
    let latest: CollectionProgress = { resourcesTotal: 0, resourcesDone: 0, objects: 0 };
    let reportedAt = performance.now();
    const report = (progress: CollectionProgress) => {
      latest = progress;
      if (performance.now() - reportedAt < PROGRESS_INTERVAL_MS) {
        return;
      }
      reportedAt = performance.now();
      const share = progress.resourcesTotal === 0 ? 0 : progress.resourcesDone / progress.resourcesTotal;
      const percent = Math.floor(
        COLLECTING_PROGRESS.from + (COLLECTING_PROGRESS.to - COLLECTING_PROGRESS.from) * share,
      );
      void this.assessments.reportCollection(assessment.id, progress, percent).catch(() => undefined);
      void this.events.publish(assessment.id, {
        status: AssessmentStatus.Running,
        stage: AssessmentStage.Collecting,
        progress: percent,
        collection: progress,
      });
    };
    let collection;
    try {
      const kubeConfig = await this.connector.kubeConfigFor(cluster.id);
      collection = await collectCluster(kubeConfig, {
        secretMetadata: cluster.secretMetadata,
        onProgress: report,
        signal,
      });
    } catch (error) {
      throw permanent(error) ?? error;
    }
    const { version, platform } = collection.cluster;
    const snapshot = await this.snapshots.insert({
      organizationId: assessment.organizationId,
      clusterId: cluster.id,
      objects: collection.objects,
      origin: SnapshotOrigin.Collection,
      coverageGaps: collection.coverageGaps,
      clusterInfo: { ...(version && { version }), ...(platform && { platform }) },
    });
    await this.assessments.attachSnapshot(assessment.id, snapshot.id, latest);
    return snapshot.id;
  }
}
