import { generateCluster } from '../../bench/synthetic/cluster';
import { COLLECTED_RESOURCES, SECRET_METADATA_RESOURCE } from '../../src/collectors/kubernetes/resources';
import { loadPaths } from '../../src/collectors/manifests/load-paths';
import { parseManifests } from '../../src/collectors/manifests/parse-manifests';
import type { Check, CheckReporter, CheckRun } from '../../src/engine/check';
import { type CheckResult, CheckStatus } from '../../src/engine/check-result';
import { catalog } from '../../src/engine/checks/catalog';
import { type CoverageGap, Inventory, type SourcedObject } from '../../src/engine/inventory/inventory';
import { toKubeObject } from '../../src/engine/inventory/kube-object';
import { WORKLOAD_KINDS } from '../../src/engine/inventory/workloads';
import { scan, type ScanResult } from '../../src/engine/scan';

/**
 * What neither the examples nor the synthetic cluster hold: the objects that make every check read all it can
 * (control plane pods, autoscalers, budgets, LimitRanges, admission tools, a workload marked untrusted).
 */
const EXTRAS = `
apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver-cp-1
  namespace: kube-system
  labels: {component: kube-apiserver, tier: control-plane}
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.31.4
      command: [kube-apiserver, --anonymous-auth=true, --authorization-mode=AlwaysAllow, --profiling=true]
---
apiVersion: v1
kind: Pod
metadata:
  name: kube-controller-manager-cp-1
  namespace: kube-system
  labels: {component: kube-controller-manager, tier: control-plane}
spec:
  containers:
    - name: kube-controller-manager
      image: registry.k8s.io/kube-controller-manager:v1.31.4
      command: [kube-controller-manager, --profiling=true]
---
apiVersion: v1
kind: Pod
metadata:
  name: kube-scheduler-cp-1
  namespace: kube-system
  labels: {component: kube-scheduler, tier: control-plane}
spec:
  containers:
    - name: kube-scheduler
      image: registry.k8s.io/kube-scheduler:v1.31.4
      command: [kube-scheduler, --profiling=true]
---
apiVersion: v1
kind: Pod
metadata:
  name: etcd-cp-1
  namespace: kube-system
  labels: {component: etcd, tier: control-plane}
spec:
  containers:
    - name: etcd
      image: registry.k8s.io/etcd:3.5.15-0
      command: [etcd, --client-cert-auth=false]
---
apiVersion: v1
kind: Node
metadata:
  name: cp-1
  labels: {node-role.kubernetes.io/control-plane: ""}
spec:
  taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]
status:
  nodeInfo: {kubeletVersion: v1.31.4, kernelVersion: 6.8.0-1015-aws, osImage: Ubuntu 24.04.1 LTS, operatingSystem: linux}
---
apiVersion: v1
kind: Namespace
metadata:
  name: sandbox
  labels: {kubeassay.io/untrusted: "true"}
---
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: sandbox}
spec:
  limits:
    - type: Container
      default: {memory: 256Mi}
---
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: {name: gvisor}
handler: runsc
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: business-critical}
value: 100000
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: runner, namespace: sandbox}
spec:
  replicas: 1
  selector: {matchLabels: {app: runner}}
  template:
    metadata: {labels: {app: runner}}
    spec:
      runtimeClassName: gvisor
      serviceAccountName: runner
      containers:
        - name: runner
          image: registry.example.com/runner:1.0.0
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: runner, namespace: sandbox}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: runner, namespace: sandbox}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: runner}
  minReplicas: 1
  maxReplicas: 1
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: runner, namespace: sandbox}
spec:
  minAvailable: 2
  selector: {matchLabels: {app: runner}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: sandbox}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: registry.example.com/migrate:1.0.0
---
apiVersion: v1
kind: ReplicationController
metadata: {name: legacy, namespace: sandbox}
spec:
  replicas: 1
  selector: {app: legacy}
  template:
    metadata: {labels: {app: legacy}}
    spec:
      containers:
        - name: legacy
          image: registry.example.com/legacy:1.0.0
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: runner, namespace: sandbox}
spec:
  endpointSelector: {matchLabels: {app: runner}}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: kyverno-resource-validating-webhook-cfg}
webhooks:
  - name: validate.kyverno.svc-fail
    failurePolicy: Ignore
    clientConfig: {service: {name: kyverno-svc, namespace: kyverno}}
---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: kyverno-resource-mutating-webhook-cfg}
webhooks:
  - name: mutate.kyverno.svc-fail
    clientConfig: {service: {name: kyverno-svc, namespace: kyverno}}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: trusted-registries}
spec:
  validations:
    - expression: "true"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: trusted-registries}
spec:
  policyName: trusted-registries
---
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: {name: require-labels}
spec:
  rules:
    - name: team
      validate: {pattern: {metadata: {labels: {team: "?*"}}}}
---
apiVersion: kyverno.io/v1
kind: Policy
metadata: {name: require-limits, namespace: sandbox}
spec:
  rules: []
---
apiVersion: externaldata.gatekeeper.sh/v1beta1
kind: Provider
metadata: {name: ratify-provider}
`;

const CLUSTER_VERSION = 'v1.31.4';

async function richObjects(): Promise<SourcedObject[]> {
  const examples = await loadPaths(['examples']);
  const extras = parseManifests(EXTRAS, 'extras.yaml');
  expect([...examples.errors, ...extras.errors]).toEqual([]);
  const synthetic = (generateCluster(300)['items'] as unknown[]).map((item) => {
    const checked = toKubeObject(item);
    if ('problem' in checked) {
      throw new Error(`synthetic object rejected: ${checked.problem}`);
    }
    return { object: checked.object };
  });
  return [...examples.objects, ...extras.objects, ...synthetic];
}

/** The inventory as a check sees it, noting every kind the check reads (pod templates read all workload kinds). */
function recording(inventory: Inventory, reads: Set<string>): Inventory {
  const byKind = new Set<PropertyKey>(['objects', 'inNamespace', 'get']);
  return new Proxy(inventory, {
    get(target, property) {
      if (property === 'workloads') {
        WORKLOAD_KINDS.forEach((kind) => reads.add(kind));
      }
      if (property === 'kinds') {
        reads.add('<every kind, through kinds()>');
      }
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') {
        return value;
      }
      return byKind.has(property)
        ? (kind: string, ...rest: unknown[]) => {
            reads.add(kind);
            return (value as (...args: unknown[]) => unknown).call(target, kind, ...rest);
          }
        : (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

const silent: CheckReporter = { violation: () => undefined, failure: () => undefined };

interface Observed {
  reads: Set<string>;
  runs: CheckRun[];
}

/** Runs the check on each inventory, each time through a fresh recorder (the checks cache per inventory). */
function observe(check: Check, inventories: readonly Inventory[]): Observed {
  const reads = new Set<string>();
  const runs = inventories.map((inventory) => check.run(recording(inventory, reads), silent));
  return { reads, runs };
}

function resultsById(result: ScanResult): Map<string, CheckResult> {
  return new Map(result.checks.map((checkResult) => [checkResult.check, checkResult]));
}

describe('what each check reads, what it declares, and what the collector lists', () => {
  let objects: SourcedObject[];
  let observed: Map<Check, Observed>;

  beforeAll(async () => {
    objects = await richObjects();
    const inventories = [
      // As collected from a live cluster, which reports its version.
      new Inventory({ objects, cluster: { version: CLUSTER_VERSION } }),
      // As scanned from files: the version is inferred from pods and Nodes.
      new Inventory({ objects }),
      // Plain manifests: no Nodes, no control plane, no admission configuration.
      new Inventory({ objects: (await loadPaths(['examples'])).objects }),
    ];
    observed = new Map(catalog.map((check) => [check, observe(check, inventories)]));
  });

  it('exercises every check of the catalog on at least one inventory', () => {
    const neverEvaluated = catalog
      .filter((check) => !observed.get(check)!.runs.some((run) => 'evaluated' in run && run.evaluated > 0))
      .map((check) => check.meta.id);
    expect(neverEvaluated).toEqual([]);
  });

  it('declares in `requires` every kind a check reads', () => {
    const undeclared = Object.fromEntries(
      catalog.flatMap((check) => {
        const missing = [...observed.get(check)!.reads].filter((kind) => !check.requires.includes(kind));
        return missing.length > 0 ? [[check.meta.id, missing.sort()]] : [];
      }),
    );
    expect(undeclared).toEqual({});
  });

  it('has the collector list exactly the kinds the checks require, Secrets aside', () => {
    const required = new Set(catalog.flatMap((check) => check.requires));
    const listed = COLLECTED_RESOURCES.map((resource) => resource.kind);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...required].filter((kind) => !listed.includes(kind)).sort()).toEqual([]);
    expect(listed.filter((kind) => !required.has(kind)).sort()).toEqual([]);
    expect(listed).not.toContain(SECRET_METADATA_RESOURCE.kind);
  });

  describe('with coverage gaps', () => {
    function scanWithGaps(kinds: readonly string[]) {
      const coverageGaps: CoverageGap[] = kinds.map((kind) => ({ kind, reason: 'forbidden (403)' }));
      // A collector that could not read a kind holds none of its objects.
      const collected = objects.filter(({ object }) => !kinds.includes(object.kind));
      return scan(catalog, { objects: collected, coverageGaps, cluster: { version: CLUSTER_VERSION } });
    }

    const complete = () => scan(catalog, { objects, cluster: { version: CLUSTER_VERSION } });

    it('on RoleBindings and NetworkPolicies, reports every check that needs them not evaluated, and no other', () => {
      const gapKinds = ['RoleBinding', 'NetworkPolicy'];
      const withGaps = scanWithGaps(gapKinds);
      const withGapsById = resultsById(withGaps);
      const completeById = resultsById(complete());
      const needing = catalog.filter((check) => check.requires.some((kind) => gapKinds.includes(kind)));

      for (const check of needing) {
        const result = withGapsById.get(check.meta.id)!;
        expect({ check: check.meta.id, status: result.status }).toEqual({
          check: check.meta.id,
          status: CheckStatus.NotEvaluated,
        });
        expect(result.reason).toMatch(/^(RoleBinding|NetworkPolicy) could not be read: forbidden \(403\)$/);
      }
      for (const check of catalog.filter((candidate) => !needing.includes(candidate))) {
        const { status, findings, evaluated } = withGapsById.get(check.meta.id)!;
        const before = completeById.get(check.meta.id)!;
        expect({ check: check.meta.id, status, findings, evaluated }).toEqual({
          check: check.meta.id,
          status: before.status,
          findings: before.findings,
          evaluated: before.evaluated,
        });
      }

      const ids = needing.map((check) => check.meta.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'rbac-binding-grants-cluster-admin',
          'rbac-binding-to-anonymous-or-all-users',
          'namespace-without-network-policy',
          'workload-not-isolated-by-network-policy',
          'workload-network-allowlist-missing',
        ]),
      );
      expect(withGaps.findings.filter((finding) => ids.includes(finding.check))).toEqual([]);
      const alreadyNotEvaluated = catalog.filter(
        (check) =>
          !needing.includes(check) && completeById.get(check.meta.id)!.status === CheckStatus.NotEvaluated,
      );
      expect(withGaps.summary.checks.not_evaluated).toBe(needing.length + alreadyNotEvaluated.length);
    });

    it('on one workload kind, reports every container and workload check not evaluated', () => {
      const byId = resultsById(scanWithGaps(['ReplicaSet']));
      const needing = catalog
        .filter((check) => check.requires.includes('ReplicaSet'))
        .map((check) => check.meta.id);
      expect(needing).toEqual(
        expect.arrayContaining(['container-privileged', 'cpu-limits-missing', 'priority-class-missing']),
      );
      expect(needing.filter((id) => byId.get(id)!.status !== CheckStatus.NotEvaluated)).toEqual([]);
    });
  });
});
