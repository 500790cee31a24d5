/** A Kubernetes object as the API server stores it: `apiVersion`, `kind`, `metadata.name`, anything else. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMetadata;
  [field: string]: unknown;
}

export interface KubeObjectMetadata {
  name: string;
  namespace?: string;
  resourceVersion?: string;
  [field: string]: unknown;
}

/**
 * Misbehaviour to inject. Resources are named by plural (`rolebindings`, any group) or
 * `group/plural` (`networking.k8s.io/networkpolicies`).
 */
export interface FakeKubeFaults {
  /** Lists and gets of these answer 403; access reviews for them answer `allowed: false`. */
  forbidden: string[];
  /** Share (0..1) of list requests answered 429 or 500 instead of the page. */
  errorRate: number;
  /** The `Retry-After` of injected 429s, in seconds. */
  retryAfterSeconds: number;
  /** Seed of the generator that picks which requests fail and how: equal seeds fail the same requests. */
  seed: number;
  /** Delay before every answer. */
  latencyMs: number;
  /** The next continue token presented for each of these resources answers 410 Expired, once. */
  expireContinue: string[];
  /** Whether latency and injected errors also hit `/version` and discovery. */
  discovery: boolean;
}

export interface FakeKubeOptions {
  /** The cluster's objects: given directly, from `loadScenarioFixture` or from `generateScenario`. */
  objects?: readonly KubeObject[];
  /** `/version` gitVersion; providers mark theirs (`v1.30.2-eks-1a2b3c4`). */
  gitVersion?: string;
  faults?: Partial<FakeKubeFaults>;
  /** Plural of custom resources without a CRD in `objects`, keyed `group/Kind`; default lowercase kind + 's'. */
  plurals?: Record<string, string>;
}

export type AuthenticationMethod = 'token' | 'certificate';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Request headers, lower-case, without `authorization`. */
  headers: Record<string, string>;
  status: number;
  authenticatedBy: AuthenticationMethod | undefined;
  /** Whether the client asked for PartialObjectMetadata(List) and got it. */
  partialObjectMetadata: boolean;
}

export interface KubeconfigOptions {
  /** Server address written in the kubeconfig; default the fake's own. */
  server?: string;
  /** Bearer token written instead of the valid one. */
  token?: string;
  /** Name of the cluster, user and context; default `fake-kube`. */
  name?: string;
}

export interface PemCertificate {
  certPem: string;
  keyPem: string;
}

export interface FakeKube {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly caPem: string;
  readonly token: string;
  readonly clientCertificate: PemCertificate;
  /** Every request answered so far, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Kubeconfig YAML with inline data only, as kubectl writes it. */
  kubeconfig(auth: AuthenticationMethod, options?: KubeconfigOptions): string;
  /** Replaces the given fault settings; listing `expireContinue` arms those resources again. */
  setFaults(faults: Partial<FakeKubeFaults>): void;
  stop(): Promise<void>;
}
