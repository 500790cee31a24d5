import type { CheckMeta } from './model';
import type { KubeObject } from './kube-types';
import type { Inventory } from './inventory/inventory';
import { ContainerRole, type ContainerView, type Workload, WORKLOAD_KINDS } from './inventory/workloads';

/** One way a resource fails a check. */
export interface Violation {
  message: string;
  /** Evidence: the field path inside the resource, e.g. `spec.template.spec.containers[0].securityContext.privileged`. */
  path: string;
  /** Evidence: the value observed there (omitted when the field is absent). */
  value?: unknown;
  /** Distinguishes two findings of one check on one resource and container (a capability, a volume, a rule). */
  detail?: string;
  /** Set by container checks; other checks may name a container too. */
  container?: string;
  /** The resource the finding belongs to, when it is not the object under evaluation (cluster checks). */
  resource?: KubeObject;
}

export type Violations = Violation | readonly Violation[] | undefined | void;

export interface CheckReporter {
  violation(resource: KubeObject, violation: Violation): void;
  /** A target the check could not evaluate because the object is malformed. */
  failure(resource: KubeObject, error: unknown): void;
}

export type CheckRun = { evaluated: number } | { notEvaluated: string };

/** A catalog entry: metadata beside an evaluate function over the inventory. */
export interface Check {
  meta: CheckMeta;
  /** Every kind the check reads; when the source could not read one of them the check is not evaluated. */
  requires: readonly string[];
  run(inventory: Inventory, reporter: CheckReporter): CheckRun;
}

interface CommonOptions {
  /** Kinds read besides the targets, which are added on their own: `kinds`, or every workload kind. */
  requires?: readonly string[];
  /** Returns why the check cannot be evaluated on this inventory (e.g. the control plane is not visible). */
  precondition?: (inventory: Inventory) => string | undefined;
}

export type ContainerSelection = 'all' | 'long-running' | 'regular';

export interface ContainerCheckOptions extends CommonOptions {
  /** `regular`: app containers only; `long-running`: also native sidecars; `all`: also init and ephemeral. */
  containers: ContainerSelection;
  /** Skip Jobs, CronJobs and run-to-completion pods. */
  skipRunToCompletion?: boolean;
}

export interface WorkloadCheckOptions extends CommonOptions {
  kinds?: readonly string[];
  skipRunToCompletion?: boolean;
  /** Only these workloads are targets; with none, the check is not applicable rather than passed. */
  filter?: (workload: Workload, inventory: Inventory) => boolean;
}

export interface ObjectCheckOptions extends CommonOptions {
  kinds: readonly string[];
  filter?: (object: KubeObject, inventory: Inventory) => boolean;
}

function asList(violations: Violations): readonly Violation[] {
  if (!violations) {
    return [];
  }
  return Array.isArray(violations) ? (violations as readonly Violation[]) : [violations as Violation];
}

function reportAll(
  reporter: CheckReporter,
  resource: KubeObject,
  violations: Violations,
  container?: string,
): void {
  for (const violation of asList(violations)) {
    reporter.violation(violation.resource ?? resource, container ? { container, ...violation } : violation);
  }
}

function guarded(
  requires: readonly string[],
  precondition: CommonOptions['precondition'],
  inventory: Inventory,
  body: () => number,
): CheckRun {
  for (const kind of requires) {
    const gap = inventory.unavailable(kind);
    if (gap) {
      return { notEvaluated: `${kind} could not be read: ${gap}` };
    }
  }
  const reason = precondition?.(inventory);
  return reason ? { notEvaluated: reason } : { evaluated: body() };
}

function distinct(kinds: readonly string[]): string[] {
  return [...new Set(kinds)];
}

/**
 * Pod templates are reported on their top-most controller present, so a kind the source could not read may hide
 * targets or move them elsewhere: checks over workloads need every workload kind, Pod included.
 */
function withWorkloadKinds(requires: readonly string[] | undefined): string[] {
  return distinct([...WORKLOAD_KINDS, ...(requires ?? [])]);
}

function selected(view: ContainerView, selection: ContainerSelection): boolean {
  switch (selection) {
    case 'all':
      return true;
    case 'long-running':
      return view.longRunning;
    case 'regular':
      return view.role === ContainerRole.Container;
  }
}

function workloadsFor(inventory: Inventory, kinds: readonly string[] | undefined, skipCompleting: boolean) {
  return inventory.workloads.filter(
    (workload) =>
      (!kinds || kinds.includes(workload.object.kind)) && !(skipCompleting && workload.runsToCompletion),
  );
}

/** A check evaluated on each container of each workload. */
export function containerCheck(
  meta: CheckMeta,
  options: ContainerCheckOptions,
  evaluate: (container: ContainerView, workload: Workload, inventory: Inventory) => Violations,
): Check {
  const requires = withWorkloadKinds(options.requires);
  return {
    meta,
    requires,
    run: (inventory, reporter) =>
      guarded(requires, options.precondition, inventory, () => {
        let evaluated = 0;
        for (const workload of workloadsFor(inventory, undefined, options.skipRunToCompletion ?? false)) {
          for (const view of workload.containers) {
            if (!selected(view, options.containers)) {
              continue;
            }
            evaluated++;
            try {
              reportAll(reporter, workload.object, evaluate(view, workload, inventory), view.name);
            } catch (error) {
              reporter.failure(workload.object, error);
            }
          }
        }
        return evaluated;
      }),
  };
}

/** A check evaluated on each pod template (Pod, Deployment, ..., CronJob), once per top-most controller. */
export function workloadCheck(
  meta: CheckMeta,
  options: WorkloadCheckOptions,
  evaluate: (workload: Workload, inventory: Inventory) => Violations,
): Check {
  const requires = withWorkloadKinds(options.requires);
  return {
    meta,
    requires,
    run: (inventory, reporter) =>
      guarded(requires, options.precondition, inventory, () => {
        let evaluated = 0;
        for (const workload of workloadsFor(inventory, options.kinds, options.skipRunToCompletion ?? false)) {
          if (options.filter && !options.filter(workload, inventory)) {
            continue;
          }
          evaluated++;
          try {
            reportAll(reporter, workload.object, evaluate(workload, inventory));
          } catch (error) {
            reporter.failure(workload.object, error);
          }
        }
        return evaluated;
      }),
  };
}

/** A check evaluated on each object of the given kinds. */
export function objectCheck(
  meta: CheckMeta,
  options: ObjectCheckOptions,
  evaluate: (object: KubeObject, inventory: Inventory) => Violations,
): Check {
  const requires = distinct([...options.kinds, ...(options.requires ?? [])]);
  return {
    meta,
    requires,
    run: (inventory, reporter) =>
      guarded(requires, options.precondition, inventory, () => {
        let evaluated = 0;
        for (const kind of options.kinds) {
          for (const object of inventory.objects(kind)) {
            if (options.filter && !options.filter(object, inventory)) {
              continue;
            }
            evaluated++;
            try {
              reportAll(reporter, object, evaluate(object, inventory));
            } catch (error) {
              reporter.failure(object, error);
            }
          }
        }
        return evaluated;
      }),
  };
}

/**
 * A check over the inventory as a whole (e.g. "no policy engine is installed"). Every violation must name its
 * resource; `subject` is the object the check reports on when it names none (often a Namespace or the cluster).
 */
export function clusterCheck(
  meta: CheckMeta,
  options: CommonOptions,
  evaluate: (inventory: Inventory) => Violations,
): Check {
  const requires = distinct(options.requires ?? []);
  return {
    meta,
    requires,
    run: (inventory, reporter) =>
      guarded(requires, options.precondition, inventory, () => {
        for (const violation of asList(evaluate(inventory))) {
          if (!violation.resource) {
            throw new Error(`cluster check ${meta.id} reported a violation without a resource`);
          }
          reporter.violation(violation.resource, violation);
        }
        return 1;
      }),
  };
}

/** The subject of findings about the cluster as a whole (no policy engine, an end-of-life version). */
export const CLUSTER_RESOURCE: KubeObject = Object.freeze({
  apiVersion: 'v1',
  kind: 'Cluster',
  metadata: Object.freeze({ name: 'cluster' }),
}) as KubeObject;
