import { testMeta } from '../../test/support/check-meta';
import { objectCheck } from './check';
import { type CheckMeta, Framework, Layer, Phase, Principle, Severity } from './model';
import { selectChecks, UnknownCheckError } from './selection';

function check(id: string, overrides: Partial<CheckMeta>) {
  return objectCheck(
    testMeta(id, { severity: Severity.Medium, ...overrides }),
    { kinds: ['Pod'] },
    () => undefined,
  );
}

const catalog = [
  check('a', { severity: Severity.Critical, references: { cis: ['5.2.2'] } }),
  check('b', { layer: Layer.Orchestrator, phase: Phase.Deploy, principles: [Principle.Admission] }),
  check('c', {
    severity: Severity.Low,
    references: { mitre: ['T1611'] },
    principles: [Principle.LeastPrivilege],
  }),
];

const ids = (selection: Parameters<typeof selectChecks>[1]) =>
  selectChecks(catalog, selection).map((c) => c.meta.id);

describe('selectChecks', () => {
  it('selects everything by default', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
  });

  it('filters by id, layer, phase, principle, framework and minimum severity, all combined', () => {
    expect(ids({ checks: ['c', 'a'] })).toEqual(['a', 'c']);
    expect(ids({ layers: [Layer.Orchestrator] })).toEqual(['b']);
    expect(ids({ phases: [Phase.Runtime] })).toEqual(['a', 'c']);
    expect(ids({ principles: [Principle.Admission, Principle.LeastPrivilege] })).toEqual(['b', 'c']);
    expect(ids({ frameworks: [Framework.Cis] })).toEqual(['a']);
    expect(ids({ minSeverity: Severity.Medium })).toEqual(['a', 'b']);
    expect(ids({ phases: [Phase.Runtime], minSeverity: Severity.High })).toEqual(['a']);
  });

  it('refuses unknown check ids instead of silently selecting nothing', () => {
    expect(() => ids({ checks: ['a', 'nope'] })).toThrow(UnknownCheckError);
  });
});
