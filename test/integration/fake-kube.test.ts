import {
  ApiException,
  ApisApi,
  AppsV1Api,
  AuthorizationV1Api,
  CoreApi,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  NetworkingV1Api,
  Observable,
  type ObservableMiddleware,
  RbacAuthorizationV1Api,
  VersionApi,
} from '@kubernetes/client-node';
import {
  type FakeKube,
  generateScenario,
  type KubeObject,
  loadScenarioFixture,
  NO_FAULTS,
  startFakeKube,
} from '../support/fake-kube';

const PARTIAL_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

function kubeConfig(yaml: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromString(yaml);
  return config;
}

/** The ApiException a call rejects with; fails the test if it resolves or rejects otherwise. */
async function apiError(call: Promise<unknown>): Promise<ApiException<unknown>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The Kubernetes Status of a failed call: client-node hands it over as the raw response text. */
function statusOf(error: ApiException<unknown>): {
  reason: string;
  message: string;
  details?: object;
  metadata?: object;
} {
  return JSON.parse(error.body as string) as { reason: string; message: string };
}

function acceptHeader(accept: string): ObservableMiddleware {
  return {
    pre: (context) => {
      context.setHeaderParam('Accept', accept);
      return new Observable(Promise.resolve(context));
    },
    post: (response) => new Observable(Promise.resolve(response)),
  };
}

describe('fake Kubernetes API server', () => {
  let fake: FakeKube;
  let core: CoreV1Api;

  beforeAll(async () => {
    fake = await startFakeKube({ objects: loadScenarioFixture('webshop') });
    core = kubeConfig(fake.kubeconfig('token')).makeApiClient(CoreV1Api);
  });

  afterAll(() => fake.stop());

  beforeEach(() => fake.setFaults(NO_FAULTS));

  describe('TLS and authentication', () => {
    it('serves over TLS that the kubeconfig CA verifies, to the bearer token', async () => {
      const namespaces = await core.listNamespace();
      const version = await kubeConfig(fake.kubeconfig('token')).makeApiClient(VersionApi).getCode();

      expect(namespaces.items.map((namespace) => namespace.metadata?.name)).toEqual([
        'kube-system',
        'payments',
        'shop',
      ]);
      expect(version.gitVersion).toBe('v1.30.2');
      expect(fake.requests.at(-1)?.authenticatedBy).toBe('token');
    });

    it('is refused by a client that trusts another CA', async () => {
      const other = await startFakeKube();
      try {
        const client = kubeConfig(other.kubeconfig('token', { server: fake.url })).makeApiClient(CoreV1Api);
        await expect(client.listNamespace()).rejects.toThrow(/certificate/);
      } finally {
        await other.stop();
      }
    });

    it('authenticates a client certificate signed by its CA', async () => {
      const client = kubeConfig(fake.kubeconfig('certificate')).makeApiClient(CoreV1Api);

      const nodes = await client.listNode();

      expect(nodes.items.map((node) => node.metadata?.name)).toEqual(['cp-1', 'worker-1']);
      expect(fake.requests.at(-1)?.authenticatedBy).toBe('certificate');
    });

    it('answers 401 to a wrong token', async () => {
      const client = kubeConfig(fake.kubeconfig('token', { token: 'not-the-token' })).makeApiClient(
        CoreV1Api,
      );

      const error = await apiError(client.listNamespace());

      expect(error.code).toBe(401);
      expect(fake.requests.at(-1)).toMatchObject({ status: 401, authenticatedBy: undefined });
    });

    it('answers 401 to a client certificate from another CA', async () => {
      const other = await startFakeKube();
      try {
        const config = new KubeConfig();
        config.loadFromOptions({
          clusters: [{ name: 'fake', server: fake.url, caData: base64(fake.caPem) }],
          users: [
            {
              name: 'stranger',
              certData: base64(other.clientCertificate.certPem),
              keyData: base64(other.clientCertificate.keyPem),
            },
          ],
          contexts: [{ name: 'fake', cluster: 'fake', user: 'stranger' }],
          currentContext: 'fake',
        });

        const error = await apiError(config.makeApiClient(CoreV1Api).listNamespace());

        expect(error.code).toBe(401);
      } finally {
        await other.stop();
      }
    });

    it('never records the Authorization header', () => {
      expect(fake.requests.length).toBeGreaterThan(0);
      expect(fake.requests.some((request) => 'authorization' in request.headers)).toBe(false);
      expect(JSON.stringify(fake.requests)).not.toContain(fake.token);
    });
  });

  describe('discovery and reads', () => {
    it('describes its groups and resources, custom ones included', async () => {
      const config = kubeConfig(fake.kubeconfig('token'));

      const groups = await config.makeApiClient(ApisApi).getAPIVersions();
      const core = await config.makeApiClient(CoreApi).getAPIVersions();
      const apps = await config.makeApiClient(AppsV1Api).getAPIResources();

      expect(groups.groups.map((group) => group.name)).toEqual(
        expect.arrayContaining(['apps', 'rbac.authorization.k8s.io', 'networking.k8s.io', 'kyverno.io']),
      );
      expect(core.versions).toEqual(['v1']);
      expect(apps.resources.find((resource) => resource.name === 'deployments')).toMatchObject({
        kind: 'Deployment',
        namespaced: true,
        verbs: expect.arrayContaining(['get', 'list']) as string[],
      });
    });

    it('lets the generic client find kinds through discovery, built-in and custom', async () => {
      const objects = KubernetesObjectApi.makeApiClient(kubeConfig(fake.kubeconfig('token')));

      const deployments = await objects.list('apps/v1', 'Deployment');
      const policies = await objects.list('kyverno.io/v1', 'ClusterPolicy');

      expect(deployments.items.map((item) => item.metadata?.name).sort()).toEqual([
        'coredns',
        'payments-api',
        'storefront',
      ]);
      expect(policies.items.map((item) => [item.kind, item.metadata?.name])).toEqual([
        ['ClusterPolicy', 'require-team-label'],
      ]);
    });

    it('omits apiVersion and kind on built-in list items, as a real API server does', async () => {
      const pods = await core.listNamespacedPod({ namespace: 'shop' });

      expect(pods.kind).toBe('PodList');
      expect(pods.apiVersion).toBe('v1');
      expect(pods.items.map((pod) => [pod.kind, pod.apiVersion])).toEqual([
        [undefined, undefined],
        [undefined, undefined],
      ]);
    });

    it('gets one object by name, with the managedFields and last-applied annotation the scenario stored', async () => {
      const objects = KubernetesObjectApi.makeApiClient(kubeConfig(fake.kubeconfig('token')));

      const storefront = await objects.read({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'storefront', namespace: 'shop' },
      });
      const missing = await apiError(core.readNamespacedPod({ name: 'nope', namespace: 'shop' }));

      expect(storefront.metadata?.managedFields?.length).toBe(2);
      expect(
        storefront.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
      ).toContain('"kind":"Deployment"');
      expect(missing.code).toBe(404);
      expect(statusOf(missing)).toMatchObject({ reason: 'NotFound', message: 'pods "nope" not found' });
    });

    it('serves custom resources without a CRD under lowercase kind + s, or the plural given', async () => {
      const widget = customObject('Widget', 'spinner');
      const gateway = customObject('Gateway', 'edge');
      const custom = await startFakeKube({
        objects: [widget, gateway],
        plurals: { 'example.com/Gateway': 'gatewayz' },
      });
      try {
        const config = kubeConfig(custom.kubeconfig('token'));
        const objects = KubernetesObjectApi.makeApiClient(config);

        const widgets = await objects.list('example.com/v1', 'Widget', 'default');
        await objects.list('example.com/v1', 'Gateway', 'default');

        expect(widgets.items.map((item) => item.metadata?.name)).toEqual(['spinner']);
        expect(custom.requests.map((request) => request.path)).toEqual(
          expect.arrayContaining([
            '/apis/example.com/v1/namespaces/default/widgets',
            '/apis/example.com/v1/namespaces/default/gatewayz',
          ]),
        );
      } finally {
        await custom.stop();
      }
    });
  });

  describe('paging', () => {
    const scenario = generateScenario({ pods: 1200, namespaces: 6 });
    const podKeys = scenario
      .filter((object) => object.kind === 'Pod')
      .map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`);
    let large: FakeKube;
    let client: CoreV1Api;

    beforeAll(async () => {
      large = await startFakeKube({ objects: scenario });
      client = kubeConfig(large.kubeconfig('token')).makeApiClient(CoreV1Api);
    });

    afterAll(() => large.stop());

    it('returns every pod exactly once across limit/continue pages of one snapshot', async () => {
      const seen: string[] = [];
      const pages: { resourceVersion?: string; remaining?: number }[] = [];
      let token: string | undefined;
      do {
        const page = await client.listPodForAllNamespaces({ limit: 100, _continue: token });
        seen.push(...page.items.map((pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`));
        pages.push({
          resourceVersion: page.metadata?.resourceVersion,
          remaining: page.metadata?.remainingItemCount,
        });
        token = page.metadata?._continue;
      } while (token);

      expect(podKeys).toHaveLength(1200);
      expect(seen.sort()).toEqual([...podKeys].sort());
      expect(pages).toHaveLength(12);
      expect(pages.map((page) => page.remaining)).toEqual([
        1100,
        1000,
        900,
        800,
        700,
        600,
        500,
        400,
        300,
        200,
        100,
        undefined,
      ]);
      expect(new Set(pages.map((page) => page.resourceVersion)).size).toBe(1);
    });

    it('pages a namespaced list within its namespace', async () => {
      const namespace = podKeys[0]?.split('/')[0] as string;
      const expected = podKeys.filter((key) => key.startsWith(`${namespace}/`));
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.listNamespacedPod({ namespace, limit: 7, _continue: token });
        seen.push(...page.items.map((pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`));
        token = page.metadata?._continue;
      } while (token);

      expect(seen.sort()).toEqual(expected.sort());
    });
  });

  describe('generated scenarios', () => {
    const scenario = generateScenario({ pods: 300, namespaces: 3, serverSideFields: true });

    it('generates pods that all have owners: Deployment → ReplicaSet → Pod, or a StatefulSet/DaemonSet', () => {
      const uids = new Map(scenario.map((object) => [object.metadata['uid'] as string, object]));
      const ownerOf = (object: KubeObject): KubeObject | undefined => {
        const references = object.metadata['ownerReferences'] as
          | { uid: string; controller: boolean }[]
          | undefined;
        const controller = references?.find((reference) => reference.controller);
        return controller && uids.get(controller.uid);
      };
      const pods = scenario.filter((object) => object.kind === 'Pod');
      const chains = new Set(
        pods.map((pod) => {
          const owner = ownerOf(pod);
          const grandOwner = owner && ownerOf(owner);
          return [owner?.kind, grandOwner?.kind].filter(Boolean).join('←');
        }),
      );

      expect([...chains].sort()).toEqual(['DaemonSet', 'ReplicaSet←Deployment', 'StatefulSet']);
    });

    it('carries managedFields everywhere and last-applied annotations on what a person applied', () => {
      const lastApplied = (kind: string): boolean[] =>
        scenario
          .filter((object) => object.kind === kind)
          .map((object) => {
            const annotations = object.metadata['annotations'] as Record<string, string> | undefined;
            return annotations?.['kubectl.kubernetes.io/last-applied-configuration'] !== undefined;
          });

      expect(scenario.every((object) => Array.isArray(object.metadata['managedFields']))).toBe(true);
      expect(new Set(lastApplied('Deployment'))).toEqual(new Set([true]));
      expect(new Set(lastApplied('Pod'))).toEqual(new Set([false]));
    });
  });

  describe('faults', () => {
    it('answers 403 for forbidden resources and says so in access reviews', async () => {
      fake.setFaults({ forbidden: ['rolebindings', 'networking.k8s.io/networkpolicies'] });
      const config = kubeConfig(fake.kubeconfig('token'));
      const reviews = config.makeApiClient(AuthorizationV1Api);
      const review = (group: string, resource: string): Promise<boolean | undefined> =>
        reviews
          .createSelfSubjectAccessReview({
            body: { spec: { resourceAttributes: { verb: 'list', group, resource } } },
          })
          .then((answer) => answer.status?.allowed);

      const bindings = await apiError(
        config.makeApiClient(RbacAuthorizationV1Api).listRoleBindingForAllNamespaces(),
      );
      const policies = await apiError(
        config.makeApiClient(NetworkingV1Api).listNamespacedNetworkPolicy({ namespace: 'shop' }),
      );
      const pods = await core.listPodForAllNamespaces();

      expect(bindings.code).toBe(403);
      expect(statusOf(bindings)).toMatchObject({
        reason: 'Forbidden',
        message: expect.stringContaining('cannot list resource "rolebindings"') as string,
      });
      expect(policies.code).toBe(403);
      expect(pods.items).toHaveLength(4);
      expect(await review('rbac.authorization.k8s.io', 'rolebindings')).toBe(false);
      expect(await review('networking.k8s.io', 'networkpolicies')).toBe(false);
      expect(await review('', 'pods')).toBe(true);
    });

    it('injects 429 with Retry-After and 500, the same ones for the same seed, never on discovery', async () => {
      fake.setFaults({ errorRate: 1, retryAfterSeconds: 3, seed: 7 });
      const failures = async (): Promise<ApiException<unknown>[]> => {
        const errors: ApiException<unknown>[] = [];
        for (let i = 0; i < 20; i++) {
          errors.push(await apiError(core.listPodForAllNamespaces({ limit: 2 })));
        }
        return errors;
      };

      const first = await failures();
      const version = await kubeConfig(fake.kubeconfig('token')).makeApiClient(VersionApi).getCode();
      fake.setFaults({ seed: 7 });
      const replay = await failures();

      const tooMany = first.filter((error) => error.code === 429);
      const internal = first.filter((error) => error.code === 500);
      expect(tooMany.length).toBeGreaterThan(0);
      expect(internal.length).toBeGreaterThan(0);
      expect(tooMany.length + internal.length).toBe(20);
      expect(tooMany.every((error) => error.headers['retry-after'] === '3')).toBe(true);
      expect(statusOf(tooMany[0] as ApiException<unknown>)).toMatchObject({
        reason: 'TooManyRequests',
        details: { retryAfterSeconds: 3 },
      });
      expect(statusOf(internal[0] as ApiException<unknown>)).toMatchObject({ reason: 'InternalError' });
      expect(replay.map((error) => error.code)).toEqual(first.map((error) => error.code));
      expect(version.gitVersion).toBe('v1.30.2');
    });

    it('fails about the configured share of list requests', async () => {
      fake.setFaults({ errorRate: 0.2, seed: 42 });
      let failed = 0;
      for (let i = 0; i < 200; i++) {
        failed += await core.listNamespace().then(
          () => 0,
          () => 1,
        );
      }

      expect(failed).toBeGreaterThan(20);
      expect(failed).toBeLessThan(60);
    });

    it('expires the next continue token of a resource once, with 410 Expired', async () => {
      fake.setFaults({ expireContinue: ['pods'] });
      const first = await core.listPodForAllNamespaces({ limit: 2 });
      const token = first.metadata?._continue;

      const expired = await apiError(core.listPodForAllNamespaces({ limit: 2, _continue: token }));
      const retried = await core.listPodForAllNamespaces({ limit: 2, _continue: token });

      expect(expired.code).toBe(410);
      expect(statusOf(expired)).toMatchObject({
        reason: 'Expired',
        metadata: { continue: expect.any(String) as string },
      });
      expect(retried.items).toHaveLength(2);
      expect(retried.metadata?._continue).toBeUndefined();
    });

    it('delays answers by the configured latency, but not discovery', async () => {
      fake.setFaults({ latencyMs: 300 });
      const timed = async (call: () => Promise<unknown>): Promise<number> => {
        const started = performance.now();
        await call();
        return performance.now() - started;
      };

      const list = await timed(() => core.listNamespace());
      const discovery = await timed(() => core.getAPIResources());

      expect(list).toBeGreaterThanOrEqual(290);
      expect(discovery).toBeLessThan(300);
    });
  });

  describe('PartialObjectMetadata', () => {
    it('lists secrets as metadata only when the Accept header asks for it', async () => {
      const partial = await core.listSecretForAllNamespaces({}, { middleware: [acceptHeader(PARTIAL_LIST)] });
      const partialRequest = fake.requests.at(-1);
      const full = await core.listSecretForAllNamespaces();

      expect(partial.kind).toBe('PartialObjectMetadataList');
      expect(partial.items.map((secret) => [secret.metadata?.name, secret.data])).toEqual([
        ['payments-db', undefined],
      ]);
      expect(partialRequest).toMatchObject({ path: '/api/v1/secrets', partialObjectMetadata: true });
      expect(full.items[0]?.data?.['password']).toBe(base64('super-secret-db-password'));
      expect(fake.requests.at(-1)?.partialObjectMetadata).toBe(false);
    });

    it('answers 406 when a list is asked for as a single PartialObjectMetadata', async () => {
      const accept = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';

      const error = await apiError(
        core.listSecretForAllNamespaces({}, { middleware: [acceptHeader(accept)] }),
      );

      expect(error.code).toBe(406);
    });
  });
});

function base64(text: string): string {
  return Buffer.from(text).toString('base64');
}

function customObject(kind: string, name: string): KubeObject {
  return { apiVersion: 'example.com/v1', kind, metadata: { name, namespace: 'default' }, spec: {} };
}
