import type { SeededRandom } from './random';
import type { AppShape, JsonObject, SecurityProfile } from './types';

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

/** An application workload of a team namespace; most follow the namespace's security profile. */
export function appShape(
  random: SeededRandom,
  index: number,
  namespace: string,
  namespaceProfile: SecurityProfile,
): AppShape {
  const team = namespace.replace(/-\d+$/, '');
  const profile = random.chance(0.8)
    ? namespaceProfile
    : random.pick<SecurityProfile>(['hardened', 'partial', 'careless']);
  const name = `${team}-${random.pick(APPS)}-${index}`;
  const careless = profile === 'careless';
  return {
    name,
    namespace,
    team,
    profile,
    serviceAccount: name,
    hasSidecar: random.chance(0.25),
    hostNetwork: careless && random.chance(0.05),
    privileged: careless && random.chance(0.15),
    mountsRuntimeSocket: careless && random.chance(0.05),
  };
}

/** A node agent of the platform team: always on the host network. */
export function daemonShape(
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

export function baseName(shape: AppShape): string {
  return shape.name.replace(/-\d+$/, '');
}

export function appLabels(shape: AppShape): JsonObject {
  return {
    ...selectorLabels(shape),
    'app.kubernetes.io/part-of': shape.team,
    'app.kubernetes.io/version': '1.4.2',
    'app.kubernetes.io/managed-by': 'Helm',
    'helm.sh/chart': `${baseName(shape)}-0.9.3`,
  };
}

export function selectorLabels(shape: AppShape): JsonObject {
  return { 'app.kubernetes.io/name': shape.name, 'app.kubernetes.io/instance': shape.name };
}
