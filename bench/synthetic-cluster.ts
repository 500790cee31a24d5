export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

type SecurityProfile = 'hardened' | 'partial' | 'careless';

const SEED = 0x6b75_6265;
const PODS_PER_NAMESPACE = 100;
const PODS_PER_NODE = 30;
const CLUSTER_START = Date.UTC(2024, 2, 1);
const DAY_SECONDS = 86_400;
const KUBELET_VERSION = 'v1.29.6';
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const INSTANCE_TYPES = ['m6i.2xlarge', 'm6i.4xlarge', 'c6i.4xlarge', 'r6i.2xlarge'];
const TEAMS = [
  'checkout',
  'catalog',
  'search',
  'identity',
  'billing',
  'shipping',
  'reviews',
  'ads',
  'data',
  'growth',
];
const APPS = [
  'api',
  'worker',
  'gateway',
  'indexer',
  'scheduler',
  'sync',
  'notifier',
  'exporter',
  'cache',
  'web',
];
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const RBAC_GROUP = 'rbac.authorization.k8s.io';
const READ = ['get', 'list', 'watch'];

/** Deterministic mulberry32: the same size always yields the same cluster, so runs are comparable. */
class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chars(alphabet: string, length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) {
      text += alphabet[Math.floor(this.next() * alphabet.length)];
    }
    return text;
  }

  hex(length: number): string {
    return this.chars('0123456789abcdef', length);
  }

  uid(): string {
    return [this.hex(8), this.hex(4), `4${this.hex(3)}`, `a${this.hex(3)}`, this.hex(12)].join('-');
  }

  podSuffix(): string {
    return this.chars(NAME_ALPHABET, 5);
  }

  timestamp(): string {
    const seconds = this.int(0, 90 * DAY_SECONDS);
    return new Date(CLUSTER_START + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

interface Owner {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

interface NodeRef {
  name: string;
  index: number;
  ip: string;
}

interface AppShape {
  name: string;
  namespace: string;
  team: string;
  profile: SecurityProfile;
  serviceAccount: string;
  hasSidecar: boolean;
  hostNetwork: boolean;
  privileged: boolean;
  mountsRuntimeSocket: boolean;
}

interface PodPlacement {
  owner: Owner;
  name: string;
  node: NodeRef;
  labels: JsonObject;
}

/** A synthetic `kubectl get -o json` dump with `pods` pods and the objects that realistically surround them. */
export function generateCluster(pods: number): JsonObject {
  const items = new ClusterBuilder(new SeededRandom(SEED), pods).build();
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
}

/** Emits objects in dependency order and keeps what they share: uids of owners, IP counters, the pod budget. */
class ClusterBuilder {
  private readonly items: JsonObject[] = [];
  private readonly nodes: NodeRef[] = [];
  private readonly namespaces: { name: string; profile: SecurityProfile }[] = [];
  private podsLeft: number;
  private podIpCounter = 0;
  private serviceIpCounter = 0;
  private workloadCounter = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly pods: number,
  ) {
    this.podsLeft = pods;
  }

  build(): JsonObject[] {
    const nodeCount = Math.max(1, Math.ceil(this.pods / PODS_PER_NODE));
    for (let i = 0; i < nodeCount; i++) {
      this.addNode(i);
    }
    this.addNamespace('kube-system', 'partial');
    this.addNamespace('monitoring', 'careless');
    this.addClusterRbac();
    this.addDaemonSets();
    const appNamespaces = Math.max(1, Math.round(this.pods / PODS_PER_NAMESPACE));
    for (let i = 0; i < appNamespaces; i++) {
      this.addAppNamespace(i);
    }
    while (this.podsLeft > 0) {
      this.addAppWorkload();
    }
    return this.items;
  }

  private metadata(name: string, namespace?: string, extra: JsonObject = {}): JsonObject {
    return {
      name,
      ...(namespace !== undefined && { namespace }),
      uid: this.random.uid(),
      resourceVersion: String(this.random.int(1000, 99_999_999)),
      creationTimestamp: this.random.timestamp(),
      ...extra,
    };
  }

  private push(apiVersion: string, kind: string, metadata: JsonObject, body: JsonObject): Owner {
    this.items.push({ apiVersion, kind, metadata, ...body });
    return { apiVersion, kind, name: metadata['name'] as string, uid: metadata['uid'] as string };
  }

  private addNode(index: number): void {
    const zone = ZONES[index % ZONES.length] as string;
    const ip = `10.0.${Math.floor(index / 250)}.${(index % 250) + 4}`;
    const name = `ip-${ip.replaceAll('.', '-')}.eu-west-1.compute.internal`;
    const labels = {
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'topology.kubernetes.io/zone': zone,
      'topology.kubernetes.io/region': 'eu-west-1',
      'node.kubernetes.io/instance-type': this.random.pick(INSTANCE_TYPES),
      'eks.amazonaws.com/nodegroup': `general-${index % 4}`,
    };
    this.nodes.push({ name, index, ip });
    this.push(
      'v1',
      'Node',
      this.metadata(name, undefined, { labels, annotations: { 'node.alpha.kubernetes.io/ttl': '0' } }),
      {
        spec: { providerID: `aws:///${zone}/i-0${this.random.hex(16)}`, podCIDR: `${podSubnet(index)}.0/24` },
        status: nodeStatus(this.random, ip, name),
      },
    );
  }

  private addNamespace(name: string, profile: SecurityProfile): void {
    const labels: JsonObject = { 'kubernetes.io/metadata.name': name, ...podSecurityLabels(profile) };
    this.push('v1', 'Namespace', this.metadata(name, undefined, { labels }), {
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }

  private addClusterRbac(): void {
    this.addClusterRole('cluster-admin', [rule(['*'], ['*'], ['*'])]);
    this.addClusterRole('view', [rule([''], ['pods', 'services', 'configmaps', 'endpoints'], READ)]);
    this.addClusterRole('edit', [rule(['', 'apps'], ['pods', 'deployments', 'services', 'secrets'], ['*'])]);
    this.addClusterRole('system:node-reader', [rule([''], ['nodes', 'nodes/metrics'], READ)]);
    this.addClusterRole('log-agent', [rule([''], ['pods', 'namespaces', 'nodes/proxy'], READ)]);
    this.addServiceAccount('deployer', 'kube-system');
    const group = (name: string): JsonObject => ({ kind: 'Group', name, apiGroup: RBAC_GROUP });
    const serviceAccount = (name: string, namespace: string): JsonObject => ({
      kind: 'ServiceAccount',
      name,
      namespace,
    });
    this.addClusterRoleBinding('cluster-admins', 'cluster-admin', group('system:masters'));
    this.addClusterRoleBinding('log-agent', 'log-agent', serviceAccount('log-agent', 'monitoring'));
    this.addClusterRoleBinding(
      'ci-deployer-admin',
      'cluster-admin',
      serviceAccount('deployer', 'kube-system'),
    );
    this.addClusterRoleBinding('everyone-view', 'view', group('system:authenticated'));
  }

  private addClusterRole(name: string, rules: JsonObject[]): void {
    const labels = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
    this.push(`${RBAC_GROUP}/v1`, 'ClusterRole', this.metadata(name, undefined, { labels }), { rules });
  }

  private addClusterRoleBinding(name: string, role: string, subject: JsonObject): void {
    this.push(`${RBAC_GROUP}/v1`, 'ClusterRoleBinding', this.metadata(name), {
      roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
      subjects: [subject],
    });
  }

  private addDaemonSets(): void {
    const daemons: [AppShape, string][] = [
      [daemonShape('kube-proxy', 'kube-system', 'partial', true), 'registry.k8s.io/kube-proxy:v1.29.6'],
      [daemonShape('log-agent', 'monitoring', 'careless', true), 'vendor.example.com/log-agent:1.9'],
      [
        daemonShape('node-exporter', 'monitoring', 'hardened', false),
        'quay.io/prometheus/node-exporter:v1.8.1',
      ],
    ];
    for (const [shape, daemonImage] of daemons) {
      this.addServiceAccount(shape.serviceAccount, shape.namespace);
      this.addDaemonSet(shape, daemonImage);
    }
  }

  private addDaemonSet(shape: AppShape, daemonImage: string): void {
    const template = podTemplate(this.random, shape, daemonImage);
    const placed = this.nodes.slice(0, Math.min(this.nodes.length, this.podsLeft));
    const labels = { 'controller-revision-hash': this.random.chars(NAME_ALPHABET, 10) };
    const owner = this.push(
      'apps/v1',
      'DaemonSet',
      this.metadata(shape.name, shape.namespace, { labels: appLabels(shape), generation: 3 }),
      {
        spec: {
          selector: { matchLabels: selectorLabels(shape) },
          template,
          updateStrategy: { type: 'RollingUpdate' },
        },
        status: {
          currentNumberScheduled: placed.length,
          desiredNumberScheduled: placed.length,
          numberReady: placed.length,
          observedGeneration: 3,
        },
      },
    );
    for (const node of placed) {
      this.addPod(shape, template, { owner, name: `${shape.name}-${this.random.podSuffix()}`, node, labels });
    }
  }

  private addAppNamespace(index: number): void {
    const team = TEAMS[index % TEAMS.length] as string;
    const name = `${team}-${Math.floor(index / TEAMS.length) + 1}`;
    const profile = this.random.pick<SecurityProfile>([
      'hardened',
      'hardened',
      'partial',
      'partial',
      'careless',
    ]);
    this.namespaces.push({ name, profile });
    this.addNamespace(name, profile);
    this.addServiceAccount('default', name);
    if (index % 2 === 0) {
      this.push(
        'networking.k8s.io/v1',
        'NetworkPolicy',
        this.metadata('default-deny-allow-namespace', name),
        {
          spec: namespaceIsolationPolicy(),
        },
      );
    }
    this.addTeamRbac(name, team, profile);
  }

  private addTeamRbac(namespace: string, team: string, profile: SecurityProfile): void {
    const careless = profile === 'careless';
    const rules = [rule([''], ['pods', 'pods/log', 'services', 'configmaps'], READ)];
    if (careless) {
      rules.push(rule([''], ['pods/exec', 'secrets'], ['*']));
    }
    this.push(`${RBAC_GROUP}/v1`, 'Role', this.metadata('developer', namespace), { rules });
    const group = careless && this.random.chance(0.3) ? 'system:authenticated' : `${team}-developers`;
    this.push(`${RBAC_GROUP}/v1`, 'RoleBinding', this.metadata('developers', namespace), {
      roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: 'developer' },
      subjects: [{ apiGroup: RBAC_GROUP, kind: 'Group', name: group }],
    });
  }

  private addServiceAccount(name: string, namespace: string): void {
    this.push('v1', 'ServiceAccount', this.metadata(name, namespace), {});
  }

  private addAppWorkload(): void {
    const index = this.workloadCounter++;
    const namespace = this.namespaces[index % this.namespaces.length] as {
      name: string;
      profile: SecurityProfile;
    };
    const shape = this.appShape(index, namespace.name, namespace.profile);
    const statefulSet = this.random.chance(0.1);
    const replicas = Math.min(this.podsLeft, statefulSet ? this.random.int(1, 5) : this.deploymentReplicas());
    this.addServiceAccount(shape.serviceAccount, shape.namespace);
    this.addConfigMap(shape);
    this.addService(shape);
    if (statefulSet) {
      this.addStatefulSet(shape, replicas);
    } else {
      this.addDeployment(shape, replicas);
    }
  }

  /** Mostly small services with a tail of large ones, averaging about ten replicas. */
  private deploymentReplicas(): number {
    return this.random.chance(0.12) ? this.random.int(20, 50) : this.random.int(1, 12);
  }

  private appShape(index: number, namespace: string, namespaceProfile: SecurityProfile): AppShape {
    const team = namespace.replace(/-\d+$/, '');
    const profile = this.random.chance(0.8)
      ? namespaceProfile
      : this.random.pick<SecurityProfile>(['hardened', 'partial', 'careless']);
    const name = `${team}-${this.random.pick(APPS)}-${index}`;
    const careless = profile === 'careless';
    return {
      name,
      namespace,
      team,
      profile,
      serviceAccount: name,
      hasSidecar: this.random.chance(0.25),
      hostNetwork: careless && this.random.chance(0.05),
      privileged: careless && this.random.chance(0.15),
      mountsRuntimeSocket: careless && this.random.chance(0.05),
    };
  }

  private addConfigMap(shape: AppShape): void {
    const data: JsonObject = {
      'application.yaml': `server:\n  port: 8080\nlogging:\n  level: info\nfeatures:\n  ${shape.team}: true\n`,
      FEATURE_FLAGS: 'new-checkout,fast-search',
    };
    if (shape.profile === 'careless' && this.random.chance(0.2)) {
      data['AWS_ACCESS_KEY_ID'] = 'AKIAEXAMPLEEXAMPLE12';
      data['AWS_SECRET_ACCESS_KEY'] = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    }
    this.push(
      'v1',
      'ConfigMap',
      this.metadata(`${shape.name}-config`, shape.namespace, { labels: appLabels(shape) }),
      { data },
    );
  }

  private addService(shape: AppShape): void {
    const roll = this.random.next();
    const type = roll < 0.04 ? 'LoadBalancer' : roll < 0.1 ? 'NodePort' : 'ClusterIP';
    const counter = this.serviceIpCounter++;
    const clusterIP = `172.20.${Math.floor(counter / 250) % 256}.${(counter % 250) + 2}`;
    const port: JsonObject = { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' };
    if (type !== 'ClusterIP') {
      port['nodePort'] = 30000 + (counter % 2767);
    }
    const ingress =
      type === 'LoadBalancer' ? [{ hostname: `a${this.random.hex(31)}.elb.eu-west-1.amazonaws.com` }] : [];
    this.push('v1', 'Service', this.metadata(shape.name, shape.namespace, { labels: appLabels(shape) }), {
      spec: {
        type,
        selector: selectorLabels(shape),
        ports: [port],
        clusterIP,
        clusterIPs: [clusterIP],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: ingress.length > 0 ? { ingress } : {} },
    });
  }

  private addDeployment(shape: AppShape, replicas: number): void {
    const template = podTemplate(this.random, shape, image(this.random, shape));
    const annotations = { 'deployment.kubernetes.io/revision': '4' };
    const metadata = this.metadata(shape.name, shape.namespace, {
      labels: appLabels(shape),
      annotations,
      generation: 4,
    });
    const deployment = this.push('apps/v1', 'Deployment', metadata, {
      spec: {
        replicas,
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        selector: { matchLabels: selectorLabels(shape) },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        template,
      },
      status: deploymentStatus(this.random.timestamp(), replicas),
    });
    if (this.random.chance(0.3)) {
      this.addReplicaSet(shape, deployment, template, 0);
    }
    const { owner, hash } = this.addReplicaSet(shape, deployment, template, replicas);
    for (let i = 0; i < replicas; i++) {
      const name = `${owner.name}-${this.random.podSuffix()}`;
      this.addPod(shape, template, {
        owner,
        name,
        node: this.random.pick(this.nodes),
        labels: { 'pod-template-hash': hash },
      });
    }
  }

  /** Deployments keep superseded ReplicaSets scaled to zero; `replicas: 0` yields one of those. */
  private addReplicaSet(
    shape: AppShape,
    deployment: Owner,
    template: JsonObject,
    replicas: number,
  ): { owner: Owner; hash: string } {
    const hash = this.random.chars(NAME_ALPHABET, 10);
    const labels = { ...selectorLabels(shape), 'pod-template-hash': hash };
    const annotations = {
      'deployment.kubernetes.io/desired-replicas': String(replicas),
      'deployment.kubernetes.io/max-replicas': String(replicas + 1),
      'deployment.kubernetes.io/revision': replicas === 0 ? '3' : '4',
    };
    const metadata = this.metadata(`${shape.name}-${hash}`, shape.namespace, {
      labels,
      annotations,
      ownerReferences: [ownerReference(deployment)],
    });
    const owner = this.push('apps/v1', 'ReplicaSet', metadata, {
      spec: { replicas, selector: { matchLabels: labels }, template },
      status: {
        replicas,
        fullyLabeledReplicas: replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        observedGeneration: 1,
      },
    });
    return { owner, hash };
  }

  private addStatefulSet(shape: AppShape, replicas: number): void {
    const template = podTemplate(this.random, shape, image(this.random, shape));
    const volumeClaim = {
      metadata: { name: 'data' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'gp3',
        resources: { requests: { storage: '20Gi' } },
      },
    };
    const owner = this.push(
      'apps/v1',
      'StatefulSet',
      this.metadata(shape.name, shape.namespace, { labels: appLabels(shape), generation: 2 }),
      {
        spec: {
          replicas,
          serviceName: shape.name,
          podManagementPolicy: 'OrderedReady',
          selector: { matchLabels: selectorLabels(shape) },
          template,
          volumeClaimTemplates: [volumeClaim],
        },
        status: {
          replicas,
          readyReplicas: replicas,
          currentReplicas: replicas,
          updatedReplicas: replicas,
          observedGeneration: 2,
        },
      },
    );
    const revision = `${shape.name}-${this.random.chars(NAME_ALPHABET, 10)}`;
    for (let i = 0; i < replicas; i++) {
      const name = `${shape.name}-${i}`;
      const labels = { 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name };
      this.addPod(shape, template, { owner, name, node: this.random.pick(this.nodes), labels });
    }
  }

  private addPod(shape: AppShape, template: JsonObject, placement: PodPlacement): void {
    this.podsLeft--;
    const templateMetadata = template['metadata'] as JsonObject;
    const spec = admittedPodSpec(this.random, template, placement.node);
    const podIP = shape.hostNetwork ? placement.node.ip : this.nextPodIp(placement.node.index);
    const generateName =
      placement.owner.kind === 'StatefulSet' ? `${shape.name}-` : placement.name.slice(0, -5);
    const metadata = this.metadata(placement.name, shape.namespace, {
      generateName,
      labels: { ...(templateMetadata['labels'] as JsonObject), ...placement.labels },
      annotations: templateMetadata['annotations'] as JsonObject,
      ownerReferences: [ownerReference(placement.owner)],
    });
    this.push('v1', 'Pod', metadata, { spec, status: podStatus(this.random, spec, placement.node, podIP) });
  }

  private nextPodIp(nodeIndex: number): string {
    return `${podSubnet(nodeIndex)}.${(this.podIpCounter++ % 250) + 2}`;
  }
}

function ownerReference(owner: Owner): JsonObject {
  return { ...owner, controller: true, blockOwnerDeletion: true };
}

function podSubnet(nodeIndex: number): string {
  return `10.${64 + Math.floor(nodeIndex / 256)}.${nodeIndex % 256}`;
}

function rule(apiGroups: string[], resources: string[], verbs: string[]): JsonObject {
  return { apiGroups, resources, verbs };
}

function podSecurityLabels(profile: SecurityProfile): JsonObject {
  if (profile === 'careless') {
    return {};
  }
  return {
    'pod-security.kubernetes.io/enforce': profile === 'hardened' ? 'restricted' : 'baseline',
    'pod-security.kubernetes.io/enforce-version': 'latest',
    'pod-security.kubernetes.io/warn': 'restricted',
  };
}

function daemonShape(
  name: string,
  namespace: string,
  profile: SecurityProfile,
  privileged: boolean,
): AppShape {
  return {
    name,
    namespace,
    team: 'platform',
    profile,
    serviceAccount: name,
    hasSidecar: false,
    hostNetwork: true,
    privileged,
    mountsRuntimeSocket: profile === 'careless',
  };
}

/** Default deny, then traffic within the namespace, from the ingress controller, and to cluster DNS. */
function namespaceIsolationPolicy(): JsonObject {
  const namespaceNamed = (name: string): JsonObject => ({
    matchLabels: { 'kubernetes.io/metadata.name': name },
  });
  const dns = {
    to: [
      {
        namespaceSelector: namespaceNamed('kube-system'),
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      },
    ],
    ports: [
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ],
  };
  return {
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from: [{ podSelector: {} }, { namespaceSelector: namespaceNamed('ingress-nginx') }] }],
    egress: [{ to: [{ podSelector: {} }] }, dns],
  };
}

function deploymentStatus(readyAt: string, replicas: number): JsonObject {
  const condition = (type: string, reason: string, message: string): JsonObject => ({
    type,
    status: 'True',
    lastUpdateTime: readyAt,
    lastTransitionTime: readyAt,
    reason,
    message,
  });
  return {
    observedGeneration: 4,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    conditions: [
      condition('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'),
      condition('Progressing', 'NewReplicaSetAvailable', 'ReplicaSet has successfully progressed.'),
    ],
  };
}

function nodeStatus(random: SeededRandom, ip: string, hostname: string): JsonObject {
  const heartbeat = random.timestamp();
  const condition = (type: string, status: string, reason: string): JsonObject => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: heartbeat,
    reason,
    message: `kubelet reports ${reason}`,
  });
  return {
    capacity: { cpu: '8', memory: '32408212Ki', pods: '58', 'ephemeral-storage': '104845292Ki' },
    allocatable: { cpu: '7910m', memory: '31391380Ki', pods: '58', 'ephemeral-storage': '95551679124' },
    conditions: [
      condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory'),
      condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure'),
      condition('PIDPressure', 'False', 'KubeletHasSufficientPID'),
      condition('Ready', 'True', 'KubeletReady'),
    ],
    addresses: [
      { type: 'InternalIP', address: ip },
      { type: 'Hostname', address: hostname },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: random.hex(32),
      systemUUID: random.uid(),
      bootID: random.uid(),
      kernelVersion: '5.10.219-208.866.amzn2.x86_64',
      osImage: 'Amazon Linux 2',
      containerRuntimeVersion: 'containerd://1.7.11',
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: KUBELET_VERSION,
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  };
}

function podTemplate(random: SeededRandom, shape: AppShape, image: string): JsonObject {
  const containers = [mainContainer(random, shape, image)];
  if (shape.hasSidecar) {
    containers.push(sidecarContainer(random, shape));
  }
  const spec: JsonObject = {
    serviceAccountName: shape.serviceAccount,
    securityContext: podSecurityContext(shape.profile),
    containers,
    volumes: templateVolumes(shape),
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: shape.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    schedulerName: 'default-scheduler',
  };
  if (shape.profile === 'hardened') {
    spec['automountServiceAccountToken'] = false;
  }
  if (shape.hostNetwork) {
    spec['hostNetwork'] = true;
  }
  const annotations = {
    'prometheus.io/scrape': 'true',
    'prometheus.io/port': '9090',
    'checksum/config': random.hex(64),
  };
  const labels = { ...selectorLabels(shape), 'app.kubernetes.io/part-of': shape.team };
  return { metadata: { labels, annotations }, spec };
}

function podSecurityContext(profile: SecurityProfile): JsonObject {
  switch (profile) {
    case 'hardened':
      return {
        runAsNonRoot: true,
        runAsUser: 10001,
        runAsGroup: 10001,
        fsGroup: 10001,
        seccompProfile: { type: 'RuntimeDefault' },
      };
    case 'partial':
      return { runAsNonRoot: true, fsGroup: 2000 };
    case 'careless':
      return {};
  }
}

function templateVolumes(shape: AppShape): JsonObject[] {
  const volumes: JsonObject[] = [
    { name: 'config', configMap: { name: `${shape.name}-config`, defaultMode: 420 } },
  ];
  if (shape.profile === 'hardened') {
    volumes.push({ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } });
  }
  if (shape.mountsRuntimeSocket) {
    volumes.push({
      name: 'containerd-sock',
      hostPath: { path: '/var/run/containerd/containerd.sock', type: 'Socket' },
    });
  }
  return volumes;
}

function mainContainer(random: SeededRandom, shape: AppShape, image: string): JsonObject {
  const mounts: JsonObject[] = [{ name: 'config', mountPath: '/etc/app', readOnly: true }];
  if (shape.profile === 'hardened') {
    mounts.push({ name: 'tmp', mountPath: '/tmp' });
  }
  if (shape.mountsRuntimeSocket) {
    mounts.push({ name: 'containerd-sock', mountPath: '/run/containerd/containerd.sock' });
  }
  return {
    name: baseName(shape),
    image,
    imagePullPolicy: shape.profile === 'careless' ? 'Always' : 'IfNotPresent',
    ports: [
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ],
    env: containerEnv(shape),
    ...resourcesAndProbes(random, shape.profile),
    securityContext: containerSecurityContext(random, shape),
    volumeMounts: mounts,
  };
}

function sidecarContainer(random: SeededRandom, shape: AppShape): JsonObject {
  const hardened = shape.profile === 'hardened';
  const image = 'docker.io/envoyproxy/envoy:v1.30.2';
  return {
    name: 'envoy',
    image: hardened ? `${image}@sha256:${random.hex(64)}` : image,
    args: ['--config-path', '/etc/envoy/envoy.yaml', '--log-level', 'warn'],
    ports: [{ name: 'envoy-admin', containerPort: 9901, protocol: 'TCP' }],
    resources: limitedResources(50, 64),
    securityContext:
      shape.profile === 'careless'
        ? {}
        : {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            runAsUser: 101,
            capabilities: { drop: ['ALL'] },
          },
  };
}

function containerEnv(shape: AppShape): JsonObject[] {
  const password: JsonObject =
    shape.profile === 'careless'
      ? { name: 'DB_PASSWORD', value: 'changeme-example' }
      : { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${shape.name}-db`, key: 'password' } } };
  return [
    { name: 'LOG_LEVEL', value: 'info' },
    {
      name: `${shape.team.toUpperCase()}_DB_HOST`,
      value: `${shape.team}-db.${shape.namespace}.svc.cluster.local`,
    },
    password,
    { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    { name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
  ];
}

function resourcesAndProbes(random: SeededRandom, profile: SecurityProfile): JsonObject {
  switch (profile) {
    case 'hardened':
      return {
        resources: limitedResources(random.pick([100, 250, 500]), random.pick([128, 256, 512])),
        readinessProbe: httpProbe('/healthz/ready', 5),
        livenessProbe: httpProbe('/healthz/live', 10),
      };
    case 'partial':
      return {
        resources: { requests: { cpu: '100m', memory: '256Mi' } },
        readinessProbe: httpProbe('/healthz', 10),
      };
    case 'careless':
      return { resources: {} };
  }
}

function containerSecurityContext(random: SeededRandom, shape: AppShape): JsonObject {
  if (shape.privileged) {
    return { privileged: true };
  }
  switch (shape.profile) {
    case 'hardened':
      return {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        privileged: false,
        capabilities: { drop: ['ALL'] },
      };
    case 'partial':
      return { allowPrivilegeEscalation: false };
    case 'careless':
      return random.chance(0.3) ? { capabilities: { add: ['NET_ADMIN', 'SYS_ADMIN'] } } : {};
  }
}

function limitedResources(cpuMillis: number, memoryMi: number): JsonObject {
  return {
    requests: { cpu: `${cpuMillis}m`, memory: `${memoryMi}Mi` },
    limits: { cpu: `${cpuMillis * 4}m`, memory: `${memoryMi * 2}Mi` },
  };
}

function httpProbe(path: string, periodSeconds: number): JsonObject {
  return {
    httpGet: { path, port: 'http', scheme: 'HTTP' },
    initialDelaySeconds: 5,
    periodSeconds,
    timeoutSeconds: 2,
    successThreshold: 1,
    failureThreshold: 3,
  };
}

function image(random: SeededRandom, shape: AppShape): string {
  const repository = `registry.example.com/${shape.team}/${baseName(shape)}`;
  switch (shape.profile) {
    case 'hardened':
      return `${repository}:1.4.2@sha256:${random.hex(64)}`;
    case 'partial':
      return `${repository}:1.4.2`;
    case 'careless':
      return random.chance(0.5) ? `${repository}:latest` : repository;
  }
}

function baseName(shape: AppShape): string {
  return shape.name.replace(/-\d+$/, '');
}

function appLabels(shape: AppShape): JsonObject {
  return {
    ...selectorLabels(shape),
    'app.kubernetes.io/part-of': shape.team,
    'app.kubernetes.io/version': '1.4.2',
    'app.kubernetes.io/managed-by': 'Helm',
    'helm.sh/chart': `${baseName(shape)}-0.9.3`,
  };
}

function selectorLabels(shape: AppShape): JsonObject {
  return { 'app.kubernetes.io/name': shape.name, 'app.kubernetes.io/instance': shape.name };
}

/** Admission adds the default tolerations and, unless the pod opts out, the service account token volume. */
function admittedPodSpec(random: SeededRandom, template: JsonObject, node: NodeRef): JsonObject {
  const spec = structuredClone(template['spec']) as JsonObject;
  spec['nodeName'] = node.name;
  spec['tolerations'] = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) => ({
    key,
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  }));
  spec['priority'] = 0;
  spec['enableServiceLinks'] = true;
  spec['preemptionPolicy'] = 'PreemptLowerPriority';
  if (spec['automountServiceAccountToken'] !== false) {
    mountServiceAccountToken(spec, `kube-api-access-${random.podSuffix()}`);
  }
  return spec;
}

function mountServiceAccountToken(spec: JsonObject, volumeName: string): void {
  const namespaceFile = {
    path: 'namespace',
    fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
  };
  (spec['volumes'] as JsonObject[]).push({
    name: volumeName,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [namespaceFile] } },
      ],
    },
  });
  for (const container of spec['containers'] as JsonObject[]) {
    const mounts = (container['volumeMounts'] as JsonObject[] | undefined) ?? [];
    mounts.push({
      name: volumeName,
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      readOnly: true,
    });
    container['volumeMounts'] = mounts;
  }
}

function podStatus(random: SeededRandom, spec: JsonObject, node: NodeRef, podIP: string): JsonObject {
  const started = random.timestamp();
  const conditions = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: started,
  }));
  const containerStatuses = (spec['containers'] as JsonObject[]).map((container) => {
    const image = container['image'] as string;
    return {
      name: container['name'] as string,
      image,
      imageID: `${image.replace(/[@:][^/]*$/, '')}@sha256:${random.hex(64)}`,
      containerID: `containerd://${random.hex(64)}`,
      ready: true,
      started: true,
      restartCount: random.chance(0.1) ? random.int(1, 40) : 0,
      state: { running: { startedAt: started } },
      lastState: {},
    };
  });
  return {
    phase: 'Running',
    conditions,
    hostIP: node.ip,
    hostIPs: [{ ip: node.ip }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: started,
    containerStatuses,
    qosClass: qosClass(spec),
  };
}

function qosClass(spec: JsonObject): string {
  const requestsSomething = (spec['containers'] as JsonObject[]).some(
    (container) => (container['resources'] as JsonObject | undefined)?.['requests'] !== undefined,
  );
  return requestsSomething ? 'Burstable' : 'BestEffort';
}
