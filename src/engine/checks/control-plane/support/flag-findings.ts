import type { Violation } from '../../../check';
import { type ComponentPod, ControlPlaneComponent, describeTarget } from './components';
import type { FlagOccurrence } from './flags';

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
