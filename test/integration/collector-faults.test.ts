import { performance } from 'node:perf_hooks';
import { KubeConfig } from '@kubernetes/client-node';
import { collectCluster } from '../../src/collectors/kubernetes/collector';
import { DEFAULT_KUBE_HTTP_OPTIONS } from '../../src/collectors/kubernetes/kube-http';
import { PAGE_SIZE } from '../../src/collectors/kubernetes/list-resource';
import {
  type FakeKube,
  generateScenario,
  type KubeObject,
  NO_FAULTS,
  type RecordedRequest,
  startFakeKube,
} from '../support/fake-kube';
import { withServerSideFields } from '../support/fake-kube/server-side-fields';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const PARTIAL_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
const SECRET_VALUE = 'planted-secret-value';
const PODS = 3_000;
/** Enough Secrets to need several pages, so metadata-only paging is exercised too. */
const SECRETS = 3 * PAGE_SIZE - 7;
/** Lists run this many at a time: with Retry-After 1 s the waits overlap instead of adding up. */
const HTTP = { ...DEFAULT_KUBE_HTTP_OPTIONS, maxSockets: 8 };
/** A retry timed 1,000 ms after a 429 may read a millisecond or two less on this clock. */
const RETRY_AFTER_MS = 1_000 - 2;

interface Identified {
  apiVersion?: string;
  kind: string;
  metadata: { namespace?: string; name?: string; annotations?: unknown };
}

const identity = ({ apiVersion, kind, metadata }: Identified) =>
  `${apiVersion}/${kind}/${metadata.namespace ?? ''}/${metadata.name}`;

const annotations = (object: Identified) => (object.metadata.annotations ?? {}) as Record<string, string>;

/** Opaque Secrets over the given namespaces, applied with kubectl: the value is in last-applied too. */
function secretsIn(namespaces: readonly string[]): KubeObject[] {
  return Array.from({ length: SECRETS }, (_, index) =>
    withServerSideFields({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: `app-credentials-${index}`,
        namespace: namespaces[index % namespaces.length] as string,
        uid: `5ec2e700-0000-4000-8000-${String(index).padStart(12, '0')}`,
        resourceVersion: String(2_000_000 + index),
      },
      type: 'Opaque',
      data: { password: Buffer.from(`${SECRET_VALUE}-${index}`).toString('base64') },
    }),
  );
}

function kubeConfig(fake: FakeKube): KubeConfig {
  const config = new KubeConfig();
  config.loadFromString(fake.kubeconfig('token'));
  return config;
}

/**
 * When the fake answered each request, taken as it records them (it keeps no times): the wait between a 429
 * and its retry is what shows Retry-After was honoured.
 */
function timeAnswers(fake: FakeKube): { of: (request: RecordedRequest) => number; stop: () => void } {
  const times = new Map<RecordedRequest, number>();
  const recorded = fake.requests as RecordedRequest[];
  recorded.push = (...requests: RecordedRequest[]) => {
    requests.forEach((request) => times.set(request, performance.now()));
    return Array.prototype.push.apply(recorded, requests);
  };
  return {
    of: (request) => times.get(request) as number,
    stop: () => void Reflect.deleteProperty(recorded, 'push'),
  };
}

const sameRequest = (a: RecordedRequest, b: RecordedRequest) =>
  a.path === b.path &&
  JSON.stringify(Object.entries(a.query).sort()) === JSON.stringify(Object.entries(b.query).sort());

const listsOf = (requests: readonly RecordedRequest[], plural: string) =>
  requests.filter((request) => request.method === 'GET' && request.path.endsWith(`/${plural}`));

describe('collecting a live cluster through faults', () => {
  const workloads = generateScenario({ pods: PODS, serverSideFields: true });
  const namespaces = workloads
    .filter((object) => object.kind === 'Namespace')
    .map(({ metadata }) => metadata.name);
  const secrets = secretsIn(namespaces);
  let fake: FakeKube;

  beforeAll(async () => {
    fake = await startFakeKube({ objects: [...workloads, ...secrets] });
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.setFaults(NO_FAULTS));

  /** Collects, and returns what was collected with the requests the fake answered meanwhile. */
  async function collect(options: Parameters<typeof collectCluster>[1] = {}) {
    const first = fake.requests.length;
    const collection = await collectCluster(kubeConfig(fake), { http: HTTP, ...options });
    return { ...collection, requests: fake.requests.slice(first) };
  }

  it('with 20 % of lists answered 429 or 500 and a continue token expiring, still collects every object once', async () => {
    fake.setFaults({ errorRate: 0.2, retryAfterSeconds: 1, seed: 7, expireContinue: ['pods'] });
    const answeredAt = timeAnswers(fake);

    const { objects, coverageGaps, requests } = await collect().finally(answeredAt.stop);

    expect(coverageGaps).toEqual([]);
    expect(objects.map(identity).sort()).toEqual(workloads.map(identity).sort());
    const failed = requests.filter((request) => request.status === 429 || request.status === 500);
    expect(failed.filter((request) => request.status === 429).length).toBeGreaterThanOrEqual(2);
    expect(failed.filter((request) => request.status === 500).length).toBeGreaterThanOrEqual(2);
    for (const failure of failed) {
      const later = requests.slice(requests.indexOf(failure) + 1);
      const retry = later.find((request) => sameRequest(request, failure));
      expect(later.some((request) => sameRequest(request, failure) && request.status === 200)).toBe(true);
      if (failure.status === 429) {
        expect(answeredAt.of(retry!) - answeredAt.of(failure)).toBeGreaterThanOrEqual(RETRY_AFTER_MS);
      }
    }
    // The expired token restarted the pod list from its first page, and every page was read again.
    const pods = listsOf(requests, 'pods');
    const expired = pods.findIndex((request) => request.status === 410);
    expect(pods[expired]?.query['continue']).toBeDefined();
    expect(pods.slice(expired + 1).some((request) => request.query['continue'] === undefined)).toBe(true);
    expect(pods.filter((request) => request.status === 200).length).toBeGreaterThan(PODS / PAGE_SIZE);
  }, 60_000);

  it('drops managedFields and the last-applied annotation from every object', async () => {
    expect(workloads.filter((object) => LAST_APPLIED in annotations(object)).length).toBeGreaterThan(100);
    expect(workloads.every((object) => object.metadata['managedFields'] !== undefined)).toBe(true);

    const { objects } = await collect({ secretMetadata: true });

    expect(objects.length).toBe(workloads.length + secrets.length);
    const withBookkeeping = objects.filter(
      (object) => 'managedFields' in object.metadata || LAST_APPLIED in annotations(object),
    );
    expect(withBookkeeping.map(identity)).toEqual([]);
  });

  it('lists Secrets only when opted in, and then as metadata only: no value is ever transferred', async () => {
    const without = await collect();
    expect(without.objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    expect(listsOf(without.requests, 'secrets')).toEqual([]);

    const { objects, requests } = await collect({ secretMetadata: true });

    const collected = objects.filter((object) => object.kind === 'Secret');
    expect(collected.map(identity).sort()).toEqual(secrets.map(identity).sort());
    expect(new Set(collected.map((secret) => Object.keys(secret).sort().join()))).toEqual(
      new Set(['apiVersion,kind,metadata']),
    );
    const secretLists = listsOf(requests, 'secrets');
    expect(secretLists.length).toBe(Math.ceil(SECRETS / PAGE_SIZE));
    for (const request of secretLists) {
      expect(request).toMatchObject({ status: 200, partialObjectMetadata: true });
      expect(request.headers['accept']).toBe(PARTIAL_LIST);
    }
    // Every planted value starts with these 16 base64 characters (12 bytes of plain text, no padding).
    const encodedPrefix = Buffer.from(SECRET_VALUE).toString('base64').slice(0, 16);
    const text = JSON.stringify(objects);
    expect(text).not.toContain(SECRET_VALUE);
    expect(text).not.toContain(encodedPrefix);
  });

  it('turns a forbidden kind into a coverage gap and collects the rest', async () => {
    fake.setFaults({ forbidden: ['rolebindings'] });

    const { objects, coverageGaps, requests } = await collect();

    expect(coverageGaps).toEqual([
      { kind: 'RoleBinding', reason: expect.stringContaining('forbidden (403)') as string },
    ]);
    const readable = workloads.filter((object) => object.kind !== 'RoleBinding');
    expect(readable.length).toBeLessThan(workloads.length);
    expect(objects.map(identity).sort()).toEqual(readable.map(identity).sort());
    expect(listsOf(requests, 'rolebindings').map((request) => request.status)).toEqual([403]);
  });
});
