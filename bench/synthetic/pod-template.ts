import type { SeededRandom } from './random';
import { baseName, selectorLabels } from './shapes';
import type { AppShape, JsonObject, SecurityProfile } from './types';

/** The app's image: pinned by digest when hardened, a floating tag or none at all when careless. */
export function appImage(random: SeededRandom, shape: AppShape): string {
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

/** The pod template of a controller, as hardened as the shape's profile. */
export function podTemplate(random: SeededRandom, shape: AppShape, image: string): JsonObject {
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
