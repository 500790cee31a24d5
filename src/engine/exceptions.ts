import picomatch from 'picomatch';
import { z } from 'zod';
import type { KubeObject } from './kube-types';

const selectorSchema = z
  .object({
    namespace: z.string().min(1).optional(),
    kind: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    container: z.string().min(1).optional(),
    labels: z.record(z.string(), z.string()).optional(),
  })
  .strict();

const exceptionSchema = z
  .object({
    id: z.string().min(1).max(200).optional(),
    check: z.string().min(1),
    selector: selectorSchema.default({}),
    justification: z.string().trim().min(1).max(4000),
    expires: z.union([z.string(), z.date()]).pipe(z.coerce.date()).optional(),
  })
  .strict();

export const exceptionListSchema = z
  .object({
    apiVersion: z.literal('kubeassay.io/v1').optional(),
    kind: z.literal('ExceptionList').optional(),
    exceptions: z.array(exceptionSchema).max(10_000),
  })
  .strict();

export type ExceptionSpec = z.infer<typeof exceptionSchema>;

export enum ExceptionState {
  Applied = 'applied',
  Unused = 'unused',
  Expired = 'expired',
}

export interface ExceptionReport {
  id: string;
  check: string;
  state: ExceptionState;
  matched: number;
  expires?: string;
}

export interface ExceptionMatch {
  id: string;
  justification: string;
  expires?: string;
}

interface CompiledException {
  id: string;
  spec: ExceptionSpec;
  expired: boolean;
  matches: (object: KubeObject, container: string | undefined) => boolean;
  matched: number;
}

function glob(pattern: string | undefined): (value: string | undefined) => boolean {
  if (pattern === undefined) {
    return () => true;
  }
  const matcher = picomatch(pattern, { dot: true });
  return (value) => value !== undefined && matcher(value);
}

function compile(spec: ExceptionSpec, index: number, now: Date): CompiledException {
  const { selector } = spec;
  const namespace = glob(selector.namespace);
  const name = glob(selector.name);
  const container = glob(selector.container);
  return {
    id: spec.id ?? `exception-${index + 1}`,
    spec,
    expired: spec.expires !== undefined && spec.expires.getTime() <= now.getTime(),
    matched: 0,
    matches: (object, containerName) =>
      (selector.kind === undefined || selector.kind === object.kind) &&
      namespace(object.metadata.namespace) &&
      name(object.metadata.name) &&
      (selector.container === undefined || container(containerName)) &&
      Object.entries(selector.labels ?? {}).every(([key, value]) => object.metadata.labels?.[key] === value),
  };
}

/**
 * Waivers: a matching finding is accepted, not hidden. Expired exceptions stop applying and are reported as
 * expired; exceptions that matched nothing are reported as unused, so stale waivers get noticed.
 */
export class ExceptionSet {
  private readonly byCheck = new Map<string, CompiledException[]>();
  private readonly all: CompiledException[];

  constructor(specs: readonly ExceptionSpec[], now: Date) {
    this.all = specs.map((spec, index) => compile(spec, index, now));
    for (const exception of this.all) {
      const list = this.byCheck.get(exception.spec.check) ?? [];
      list.push(exception);
      this.byCheck.set(exception.spec.check, list);
    }
  }

  match(check: string, object: KubeObject, container: string | undefined): ExceptionMatch | undefined {
    const exception = this.byCheck
      .get(check)
      ?.find((candidate) => !candidate.expired && candidate.matches(object, container));
    if (!exception) {
      return undefined;
    }
    exception.matched++;
    const match: ExceptionMatch = { id: exception.id, justification: exception.spec.justification };
    if (exception.spec.expires) {
      match.expires = exception.spec.expires.toISOString();
    }
    return match;
  }

  report(): ExceptionReport[] {
    return this.all.map((exception) => {
      const report: ExceptionReport = {
        id: exception.id,
        check: exception.spec.check,
        state: exception.expired
          ? ExceptionState.Expired
          : exception.matched > 0
            ? ExceptionState.Applied
            : ExceptionState.Unused,
        matched: exception.matched,
      };
      if (exception.spec.expires) {
        report.expires = exception.spec.expires.toISOString();
      }
      return report;
    });
  }
}
