import { catalog } from '../../src/engine/checks/catalog';
import { scorePolarisConformance } from '../support/polaris-conformance';

describe('agreement with Polaris on its own fixtures', () => {
  const report = scorePolarisConformance(catalog);

  it('maps all 44 built-in checks and scores all 294 built-in cases', () => {
    expect(report.builtinChecks).toBe(44);
    expect(report.checks.filter((check) => !check.ourCheck).map((check) => check.polarisCheck)).toEqual([]);
    expect(report.cases).toBe(294);
  });

  it('agrees on at least 98 % of cases overall and 90 % for every check', () => {
    expect(report.agreed / report.cases).toBeGreaterThanOrEqual(0.98);
    const below = report.checks
      .filter((check) => check.agreed / check.cases.length < 0.9)
      .map((check) => `${check.polarisCheck}: ${check.agreed}/${check.cases.length}`);
    expect(below).toEqual([]);
  });
});
