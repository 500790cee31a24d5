import { type CheckMeta, Layer, Phase, Principle, Severity } from '../../src/engine/model';

/** Metadata for a check built in a test, with overridable defaults. */
export function testMeta(id: string, overrides: Partial<CheckMeta> = {}): CheckMeta {
  return {
    id,
    title: id,
    rationale: 'test',
    severity: Severity.High,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {},
    remediation: { text: 'fix', patch: 'spec: {}' },
    ...overrides,
  };
}
