import type { Container, KubeObject, ObjectMeta, PodSpec, SecurityContext } from '../kube-types';
import { isRecord } from './guards';

export enum ContainerRole {
  Container = 'container',
  Init = 'initContainer',
  Ephemeral = 'ephemeralContainer',
}

export interface ContainerView {
  container: Container;
  name: string;
  role: ContainerRole;
  /** Evidence path of the container inside its workload, e.g. `spec.template.spec.containers[0]`. */
  path: string;
  /** Runs for the pod's lifetime: a regular container or a native sidecar (init container, restartPolicy Always). */
  longRunning: boolean;
}

export interface Workload {
  /** The object findings are reported on: the top-most controller present in the inventory. */
  object: KubeObject;
  podSpec: PodSpec;
  /** Pod template metadata (labels used by selectors); the object's own metadata for a bare Pod. */
  podMetadata: ObjectMeta;
  /** Evidence path of the pod spec inside the object, e.g. `spec.template.spec`. */
  specPath: string;
  containers: ContainerView[];
  /** Jobs and CronJobs run to completion: probes and spread constraints do not apply to them. */
  runsToCompletion: boolean;
}

const TEMPLATE_PATHS: Record<string, string[]> = {
  Pod: [],
  Deployment: ['template'],
  StatefulSet: ['template'],
  DaemonSet: ['template'],
  ReplicaSet: ['template'],
  ReplicationController: ['template'],
  Job: ['template'],
  CronJob: ['jobTemplate', 'spec', 'template'],
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(TEMPLATE_PATHS);

const COMPLETING_KINDS = new Set(['Job', 'CronJob']);

/** Extracts the pod template of a workload object; undefined for other kinds or a template without a spec. */
export function toWorkload(object: KubeObject): Workload | undefined {
  const templatePath = TEMPLATE_PATHS[object.kind];
  if (!templatePath) {
    return undefined;
  }
  let template: unknown = object.kind === 'Pod' ? object : object['spec'];
  const pathParts = ['spec'];
  for (const part of templatePath) {
    template = isRecord(template) ? template[part] : undefined;
    pathParts.push(part);
  }
  if (!isRecord(template) || !isRecord(template['spec'])) {
    return undefined;
  }
  const specPath = object.kind === 'Pod' ? 'spec' : [...pathParts, 'spec'].join('.');
  const podSpec = template['spec'] as PodSpec;
  const podMetadata = (isRecord(template['metadata']) ? template['metadata'] : {}) as ObjectMeta;
  return {
    object,
    podSpec,
    podMetadata: object.kind === 'Pod' ? object.metadata : podMetadata,
    specPath,
    containers: containerViews(podSpec, specPath),
    runsToCompletion: COMPLETING_KINDS.has(object.kind) || isCompletingPod(object, podSpec),
  };
}

function isCompletingPod(object: KubeObject, spec: PodSpec): boolean {
  return object.kind === 'Pod' && (spec.restartPolicy === 'Never' || spec.restartPolicy === 'OnFailure');
}

function containerViews(spec: PodSpec, specPath: string): ContainerView[] {
  const views: ContainerView[] = [];
  const add = (list: unknown, field: string, role: ContainerRole) => {
    if (!Array.isArray(list)) {
      return;
    }
    list.forEach((container: unknown, index) => {
      if (!isRecord(container)) {
        return;
      }
      const typed = container as Container;
      views.push({
        container: typed,
        name: typeof typed.name === 'string' ? typed.name : `${field}[${index}]`,
        role,
        path: `${specPath}.${field}[${index}]`,
        longRunning:
          role === ContainerRole.Container ||
          (role === ContainerRole.Init && typed.restartPolicy === 'Always'),
      });
    });
  };
  add(spec.initContainers, 'initContainers', ContainerRole.Init);
  add(spec.containers, 'containers', ContainerRole.Container);
  add(spec.ephemeralContainers, 'ephemeralContainers', ContainerRole.Ephemeral);
  return views;
}

export interface EffectiveSetting<T> {
  value: T | undefined;
  /** Where the value is set, or where it would be set on the container when it is set nowhere. */
  path: string;
  inherited: boolean;
}

type InheritableField =
  | 'runAsUser'
  | 'runAsGroup'
  | 'runAsNonRoot'
  | 'seccompProfile'
  | 'appArmorProfile'
  | 'seLinuxOptions'
  | 'windowsOptions';

/**
 * A security setting as the kubelet applies it: the container's own value, else the pod's.
 * Applies to init and ephemeral containers alike.
 */
export function effectiveSetting<K extends InheritableField>(
  workload: Workload,
  view: ContainerView,
  field: K,
): EffectiveSetting<NonNullable<SecurityContext[K]>> {
  const own = securityContextOf(view.container)[field];
  if (own !== undefined && own !== null) {
    return {
      value: own as NonNullable<SecurityContext[K]>,
      path: `${view.path}.securityContext.${field}`,
      inherited: false,
    };
  }
  const podContext = isRecord(workload.podSpec.securityContext) ? workload.podSpec.securityContext : {};
  const inherited = podContext[field];
  if (inherited !== undefined && inherited !== null) {
    return {
      value: inherited as NonNullable<SecurityContext[K]>,
      path: `${workload.specPath}.securityContext.${field}`,
      inherited: true,
    };
  }
  return { value: undefined, path: `${view.path}.securityContext.${field}`, inherited: false };
}

export function securityContextOf(container: Container): SecurityContext {
  return isRecord(container.securityContext) ? container.securityContext : {};
}
