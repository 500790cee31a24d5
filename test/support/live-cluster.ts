import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import type { AppConfig } from '../../src/config/config';
import { Role } from '../../src/modules/auth/role';
import { startTestApi, type TestApi } from './api';
import { type Assessment, type Finding, listAllFindings, runAssessment } from './assessment-runs';
import { apiClient, type ApiClient } from './client';
import type { FakeKube } from './fake-kube';

export type { Assessment, Finding };

/** The fake API server listens on 127.0.0.1: tests allow loopback, which production refuses by default. */
export const LOOPBACK_ALLOWED: Partial<AppConfig> = {
  clusterNetwork: { allowLoopback: true, allowPrivate: false, allowInsecureTls: false },
};

export interface LiveClusterHarness {
  api: TestApi;
  worker: INestApplicationContext;
  consultantKey: string;
  consultant: ApiClient;
  organizationId: string;
  engagementId: string;
  close(): Promise<void>;
}

/** The API and a worker in this process, a consultant key, and an organization with an engagement. */
export async function startLiveClusterHarness(
  overrides: Partial<AppConfig> = {},
): Promise<LiveClusterHarness> {
  const api = await startTestApi({ ...LOOPBACK_ALLOWED, ...overrides });
  const worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), { logger: false });
  const consultantKey = await api.createKey(Role.Consultant);
  const consultant = apiClient(api.baseUrl, consultantKey);
  const organization = await consultant.POST('/v1/organizations', { body: { name: 'Webshop Ltd' } });
  const organizationId = organization.data!.id;
  const engagement = await consultant.POST('/v1/engagements', {
    body: { organizationId, name: 'Live review' },
  });
  return {
    api,
    worker,
    consultantKey,
    consultant,
    organizationId,
    engagementId: engagement.data!.id,
    close: async () => {
      await worker.close();
      await api.close();
    },
  };
}

/** Registers the fake API server as a kubeconfig cluster (token auth by default); returns its id. */
export async function registerFakeCluster(
  harness: LiveClusterHarness,
  fake: FakeKube,
  name: string,
  options: { auth?: 'token' | 'certificate'; collectSecretMetadata?: boolean } = {},
): Promise<string> {
  const { data, response } = await harness.consultant.POST('/v1/clusters', {
    body: {
      organizationId: harness.organizationId,
      name,
      source: {
        type: 'kubeconfig',
        kubeconfig: fake.kubeconfig(options.auth ?? 'token'),
        ...(options.collectSecretMetadata !== undefined && {
          collectSecretMetadata: options.collectSecretMetadata,
        }),
      },
    },
  });
  if (response.status !== 201) {
    throw new Error(`registering the fake cluster answered ${response.status}`);
  }
  return data!.id;
}

/** Creates an assessment of the cluster and waits until its run has ended. */
export function assessCluster(harness: LiveClusterHarness, clusterId: string): Promise<Assessment> {
  return runAssessment(harness.consultant, { engagementId: harness.engagementId, clusterId });
}

/** Every finding of an assessment, through the paged listing. */
export function allFindings(harness: LiveClusterHarness, assessmentId: string): Promise<Finding[]> {
  return listAllFindings(harness.consultant, assessmentId);
}
