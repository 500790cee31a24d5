import { loadPaths } from '../collectors/manifests/load-paths';
import { DEFAULT_PARSE_LIMITS } from '../collectors/manifests/limits';
import { catalog } from '../engine/checks/catalog';
import { Layer, Phase, Principle } from '../engine/model';
import { scan } from '../engine/scan';
import { buildReport, RESOURCES_PER_CHECK } from './build-report';
import { Posture } from './report-model';
import { reportInputFromScan } from './scan-report-input';

const PARTIES = {
  consultancy: { name: 'Assay & Co' },
  client: 'Shop Ltd',
  cluster: { name: 'shop-prod' },
  confidentiality: 'Confidential',
  assessedAt: '2026-11-27T10:00:00.000Z',
};

async function exampleInput() {
  const loaded = await loadPaths(['examples'], DEFAULT_PARSE_LIMITS);
  return reportInputFromScan(scan(catalog, { objects: loaded.objects }), catalog, PARTIES);
}

describe('buildReport', () => {
  it('is deterministic: the same scan gives the same model and the same report id', async () => {
    const [first, second] = [await exampleInput(), await exampleInput()];
    expect(first.reportId).toBe(second.reportId);
    expect(JSON.stringify(buildReport(first))).toBe(JSON.stringify(buildReport(second)));
  });

  it('orders checks by severity, then by resources affected, truncating long lists with a count', async () => {
    const model = buildReport(await exampleInput());
    const ranks = model.findings.map((section) =>
      ['info', 'low', 'medium', 'high', 'critical'].indexOf(section.check.severity),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    for (const section of model.findings) {
      expect(section.resources.length).toBe(Math.min(section.open, RESOURCES_PER_CHECK));
      expect(section.truncated).toBe(section.open - section.resources.length);
    }
    expect(model.appendix).toHaveLength(model.findings.reduce((sum, section) => sum + section.open, 0));
    expect(model.executive.topRisks.map((risk) => risk.check.id)).toEqual(
      model.findings.slice(0, 5).map((section) => section.check.id),
    );
  });

  it('says critical when an open critical finding exists, and splits the plan into quick wins and structural work', async () => {
    const model = buildReport(await exampleInput());
    expect(model.executive.open.critical).toBeGreaterThan(0);
    expect(model.executive.posture).toBe(Posture.Critical);
    const planned = [...model.remediation.quickWins, ...model.remediation.structural].map(
      (risk) => risk.check.id,
    );
    expect(planned.sort()).toEqual(model.findings.map((section) => section.check.id).sort());
    expect(model.remediation.quickWins.every((risk) => risk.check.layer === Layer.Application)).toBe(true);
    expect(model.matrix.cells).toHaveLength(model.matrix.layers.length * model.matrix.phases.length);
  });

  it('rates each heat-map cell and principle by the posture rule, and leaves unrated what nothing evaluated', async () => {
    const model = buildReport(await exampleInput());
    const cell = (layer: Layer, phase: Phase) =>
      model.matrix.cells.find((entry) => entry.layer === layer && entry.phase === phase)!;
    expect(cell(Layer.Application, Phase.Runtime)).toMatchObject({ posture: Posture.Critical });
    expect(cell(Layer.Orchestrator, Phase.Distribute)).toMatchObject({ score: null, posture: null });
    expect(model.principles.find((entry) => entry.principle === Principle.Auditing)).toMatchObject({
      posture: Posture.Good,
    });
  });

  it('keeps the file and line of each finding from manifests, for the engineers who fix them', async () => {
    const model = buildReport(await exampleInput());
    expect(model.findings[0]!.resources[0]!.source).toEqual({
      file: 'examples/shop/monitoring/log-agent.yaml',
      line: 50,
    });
    expect(model.appendix.every((entry) => entry.source?.file.startsWith('examples/'))).toBe(true);
  });
});
