import { type Check, objectCheck, type Violations } from '../../../check';
import { asArray, isRecord } from '../../../inventory/guards';
import type { Inventory } from '../../../inventory/inventory';
import type { Container, KubeObject } from '../../../kube-types';
import type { CheckMeta } from '../../../model';
import { type FlagSet, flagsOf, tokensOf } from './flags';

export enum ControlPlaneComponent {
  ApiServer = 'kube-apiserver',
  Etcd = 'etcd',
  ControllerManager = 'kube-controller-manager',
  Scheduler = 'kube-scheduler',
}

const COMPONENTS: readonly ControlPlaneComponent[] = Object.values(ControlPlaneComponent);

const COMPONENTS_BY_NAME: ReadonlyMap<string, ControlPlaneComponent> = new Map(
  COMPONENTS.map((component) => [component as string, component]),
);

export const CONTROL_PLANE_NAMESPACE = 'kube-system';

export const CONTROL_PLANE_NOT_VISIBLE =
  'control plane static pods are not visible (managed control plane, or kube-system not collected)';

/** A control plane component's pod with the container that runs the component and its flags. */
export interface ComponentPod {
  pod: KubeObject;
  component: ControlPlaneComponent;
  container: Container;
  containerName: string;
  containerPath: string;
  flags: FlagSet;
}

/** Sub-command names of the old all-in-one `hyperkube` binary. */
const HYPERKUBE_NAMES: Record<string, ControlPlaneComponent> = {
  apiserver: ControlPlaneComponent.ApiServer,
  'controller-manager': ControlPlaneComponent.ControllerManager,
  scheduler: ControlPlaneComponent.Scheduler,
};

/** Wrappers that start the component from a script (`sh -c "exec kube-apiserver ..."`). */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The component a container runs, read from the binary it starts. */
function componentRunBy(container: Container): ControlPlaneComponent | undefined {
  const words = [...tokensOf(container.command, ''), ...tokensOf(container.args, '')].map(
    (token) => token.text,
  );
  const binary = basename(words[0] ?? '');
  if (binary === 'hyperkube') {
    const sub = words[1] ?? '';
    return COMPONENTS_BY_NAME.get(sub) ?? HYPERKUBE_NAMES[sub];
  }
  if (SHELLS.has(binary)) {
    return words
      .map((word) => COMPONENTS_BY_NAME.get(basename(word)))
      .find((component) => component !== undefined);
  }
  return COMPONENTS_BY_NAME.get(binary);
}

function componentLabelled(pod: KubeObject): ControlPlaneComponent | undefined {
  const labels = isRecord(pod.metadata.labels) ? pod.metadata.labels : {};
  const byLabel = COMPONENTS.find((component) => labels['component'] === component);
  if (byLabel || labels['tier'] !== 'control-plane') {
    return byLabel;
  }
  return COMPONENTS.find((component) => (pod.metadata.name ?? '').startsWith(`${component}-`));
}

interface IndexedContainer {
  container: Container;
  index: number;
}

function containersOf(pod: KubeObject): IndexedContainer[] {
  const spec = isRecord(pod['spec']) ? pod['spec'] : {};
  return asArray<unknown>(spec['containers']).flatMap((container, index) =>
    isRecord(container) ? [{ container: container as Container, index }] : [],
  );
}

/** Identifies a kube-system pod as a control plane component: by its labels, else by the binary it runs. */
export function toComponentPod(pod: KubeObject): ComponentPod | undefined {
  const containers = containersOf(pod);
  const labelled = componentLabelled(pod);
  const running = containers.find(({ container }) => {
    const component = componentRunBy(container);
    return component !== undefined && (labelled === undefined || component === labelled);
  });
  const component = labelled ?? (running && componentRunBy(running.container));
  if (!component) {
    return undefined;
  }
  const chosen = running ?? containers.find(({ container }) => container.name === component) ?? containers[0];
  if (!chosen) {
    return undefined;
  }
  const containerPath = `spec.containers[${chosen.index}]`;
  return {
    pod,
    component,
    container: chosen.container,
    containerName:
      typeof chosen.container.name === 'string' ? chosen.container.name : `containers[${chosen.index}]`,
    containerPath,
    flags: flagsOf(chosen.container, containerPath),
  };
}

interface ControlPlaneIndex {
  byPod: ReadonlyMap<KubeObject, ComponentPod>;
  components: ReadonlySet<ControlPlaneComponent>;
}

const indexes = new WeakMap<Inventory, ControlPlaneIndex>();

/** The control plane pods of the inventory, found once per inventory. */
export function controlPlaneIndex(inventory: Inventory): ControlPlaneIndex {
  let index = indexes.get(inventory);
  if (!index) {
    const byPod = new Map<KubeObject, ComponentPod>();
    for (const pod of inventory.inNamespace('Pod', CONTROL_PLANE_NAMESPACE)) {
      const target = toComponentPod(pod);
      if (target) {
        byPod.set(pod, target);
      }
    }
    index = { byPod, components: new Set([...byPod.values()].map((target) => target.component)) };
    indexes.set(inventory, index);
  }
  return index;
}

/** Every visible pod of a component, e.g. each kube-apiserver replica. */
export function componentPods(inventory: Inventory, component: ControlPlaneComponent): ComponentPod[] {
  return [...controlPlaneIndex(inventory).byPod.values()].filter((target) => target.component === component);
}

function notVisibleReason(inventory: Inventory, component: ControlPlaneComponent): string | undefined {
  const { byPod, components } = controlPlaneIndex(inventory);
  if (byPod.size === 0) {
    return CONTROL_PLANE_NOT_VISIBLE;
  }
  return components.has(component)
    ? undefined
    : `${component} pods are not visible (the component may run outside the cluster, e.g. an external etcd)`;
}

/**
 * A check evaluated on each visible pod of one control plane component. When none is visible the check is not
 * evaluated: a managed control plane is configured by the provider and cannot be judged from the cluster.
 */
export function componentCheck(
  meta: CheckMeta,
  component: ControlPlaneComponent,
  evaluate: (target: ComponentPod) => Violations,
): Check {
  return objectCheck(
    meta,
    {
      kinds: ['Pod'],
      filter: (pod, inventory) => controlPlaneIndex(inventory).byPod.get(pod)?.component === component,
      precondition: (inventory) => notVisibleReason(inventory, component),
    },
    (pod, inventory) => {
      const target = controlPlaneIndex(inventory).byPod.get(pod);
      return target ? evaluate(target) : undefined;
    },
  );
}

/** `kube-apiserver kube-system/kube-apiserver-cp-1`, for messages. */
export function describeTarget(target: ComponentPod): string {
  return `${target.component} ${target.pod.metadata.namespace ?? ''}/${target.pod.metadata.name ?? ''}`;
}
