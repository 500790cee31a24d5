import { objectCheck, type Check, type Violation, type Violations } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import type { Inventory } from '../../inventory/inventory';
import type { Container, KubeObject } from '../../kube-types';
import type { CheckMeta } from '../../model';

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

/** One command-line flag as written in the pod spec. */
export interface FlagOccurrence {
  name: string;
  /** `true` for a bare boolean flag (`--profiling`). */
  value: string;
  /** Evidence path of the list item holding the flag, e.g. `spec.containers[0].command[4]`. */
  path: string;
  /** The item as written, e.g. `--profiling=true`. */
  written: string;
}

/** The flags a control plane container starts with, from its command and args. */
export class FlagSet {
  constructor(
    readonly occurrences: readonly FlagOccurrence[],
    /** Where a missing flag belongs: the list that holds the other flags. */
    readonly listPath: string,
    private readonly env: ReadonlyMap<string, FlagOccurrence> = new Map(),
  ) {}

  /** The effective occurrence: the last one wins, as with the components' flag parser. */
  last(name: string): FlagOccurrence | undefined {
    return this.occurrences.findLast((occurrence) => occurrence.name === name);
  }

  has(name: string): boolean {
    return this.last(name) !== undefined;
  }

  /** The items of a comma-separated list flag, across every occurrence (repeated list flags accumulate). */
  listValues(name: string): string[] {
    return this.occurrences
      .filter((occurrence) => occurrence.name === name)
      .flatMap((occurrence) => occurrence.value.split(','))
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** An environment variable of the container (etcd reads `ETCD_*` variables as flags). */
  envVariable(name: string): FlagOccurrence | undefined {
    return this.env.get(name);
  }
}

const FLAG = /^--?([A-Za-z0-9][A-Za-z0-9-]*)(?:=([\s\S]*))?$/;
const BOOLEAN_WORDS = new Set(['true', 'false']);

interface Token {
  text: string;
  path: string;
}

/**
 * Items of a command or args list. An item is one argument as the process receives it, except a shell script
 * (`sh -c "exec kube-apiserver --a=b ..."`: an item with spaces that is not itself a flag), split into words.
 */
function tokensOf(list: unknown, path: string): Token[] {
  return asArray<unknown>(list).flatMap((item, index) => {
    if (typeof item !== 'string') {
      return [];
    }
    const words = item.startsWith('-') ? [item] : item.trim().split(/\s+/);
    return words.filter((text) => text !== '').map((text) => ({ text, path: `${path}[${index}]` }));
  });
}

/**
 * Parses `--flag=value`, `--flag value` and bare `--flag`. A bare flag followed by a word that is not a flag
 * takes it as its value, except that only `true`/`false` may follow a boolean: kube-bench reads them the same way.
 */
export function parseFlags(
  tokens: readonly Token[],
  booleans: ReadonlySet<string> = new Set(),
): FlagOccurrence[] {
  const flags: FlagOccurrence[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const match = FLAG.exec(token.text);
    if (!match) {
      continue;
    }
    const name = match[1]!;
    let value = match[2];
    const next = tokens[index + 1];
    if (value === undefined && next && !next.text.startsWith('-')) {
      if (!booleans.has(name) || BOOLEAN_WORDS.has(next.text.toLowerCase())) {
        value = next.text;
        index++;
      }
    }
    flags.push({ name, value: value ?? 'true', path: token.path, written: token.text });
  }
  return flags;
}

/** Flags that take no value (a following word is a positional argument, not theirs). */
const BOOLEAN_FLAGS = new Set([
  'anonymous-auth',
  'profiling',
  'client-cert-auth',
  'peer-client-cert-auth',
  'auto-tls',
]);

export function flagsOf(container: Container, containerPath: string): FlagSet {
  const command = tokensOf(container.command, `${containerPath}.command`);
  const args = tokensOf(container.args, `${containerPath}.args`);
  const occurrences = parseFlags([...command, ...args], BOOLEAN_FLAGS);
  const inArgs = occurrences.some((occurrence) => occurrence.path.startsWith(`${containerPath}.args`));
  const listPath =
    inArgs || (command.length === 0 && args.length > 0)
      ? `${containerPath}.args`
      : `${containerPath}.command`;
  const env = new Map<string, FlagOccurrence>();
  asArray<unknown>(container.env).forEach((variable, index) => {
    if (isRecord(variable) && typeof variable['name'] === 'string' && typeof variable['value'] === 'string') {
      const { name, value } = variable as { name: string; value: string };
      env.set(name, {
        name,
        value,
        path: `${containerPath}.env[${index}].value`,
        written: `${name}=${value}`,
      });
    }
  });
  return new FlagSet(occurrences, listPath, env);
}

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

/** A finding about a flag that is absent: the evidence is the list where it belongs. */
export function missingFlag(target: ComponentPod, message: string, detail?: string): Violation {
  return {
    message,
    path: target.flags.listPath,
    container: target.containerName,
    ...(detail !== undefined && { detail }),
  };
}

/** A finding about a flag as written: the evidence is the list item and its text. */
export function writtenFlag(
  target: ComponentPod,
  occurrence: FlagOccurrence,
  message: string,
  detail?: string,
): Violation {
  return {
    message,
    path: occurrence.path,
    value: occurrence.written,
    container: target.containerName,
    ...(detail !== undefined && { detail }),
  };
}

/**
 * Whether a component serves `/debug/pprof` (on unless `--profiling=false`). The scheduler ignores the flag when
 * it reads a `--config` file, which is not in the inventory: undefined then, as it cannot be told.
 */
export function profilingViolation(target: ComponentPod): Violation | undefined {
  const flag = target.flags.last('profiling');
  if (target.component === ControlPlaneComponent.Scheduler && target.flags.has('config')) {
    return undefined;
  }
  if (!flag) {
    return missingFlag(
      target,
      `${describeTarget(target)} does not set --profiling=false: profiling is on by default`,
    );
  }
  return flag.value.toLowerCase() === 'false'
    ? undefined
    : writtenFlag(target, flag, `${describeTarget(target)} serves profiling data (${flag.written})`);
}

/**
 * A finding when an admission plugin that is off by default is not switched on by `--enable-admission-plugins`
 * (or the older `--admission-control`), or is switched off by `--disable-admission-plugins`.
 */
export function admissionPluginOff(
  target: ComponentPod,
  plugin: string,
  consequence: string,
): Violation | undefined {
  const { flags } = target;
  const subject = describeTarget(target);
  const disabling = flags.occurrences.find(
    (occurrence) =>
      occurrence.name === 'disable-admission-plugins' &&
      occurrence.value.split(',').some((item) => item.trim() === plugin),
  );
  if (disabling) {
    return writtenFlag(
      target,
      disabling,
      `${subject} disables the ${plugin} admission plugin: ${consequence}`,
    );
  }
  const enabled = [...flags.listValues('enable-admission-plugins'), ...flags.listValues('admission-control')];
  if (enabled.includes(plugin)) {
    return undefined;
  }
  const enabling = flags.last('enable-admission-plugins') ?? flags.last('admission-control');
  const message = `${subject} does not enable the ${plugin} admission plugin: ${consequence}`;
  return enabling ? writtenFlag(target, enabling, message) : missingFlag(target, message);
}
