import { loadPaths } from '../collectors/manifests/load-paths';
import { DEFAULT_PARSE_LIMITS } from '../collectors/manifests/limits';
import { catalog } from '../engine/checks/catalog';
import { Layer, Phase, Principle } from '../engine/model';
import { scan } from '../engine/scan';
import { buildReport, PAGED_APPENDIX_ROWS, RESOURCES_PER_CHECK } from './build-report';
import { Posture } from './report-model';
import { reportInputFromScan } from './scan-report-input';

const PARTIES = {
  consultancy: { name: 'Assay & Co' },
  client: 'Shop Ltd',
  cluster: { name: 'shop-prod' },
  confidentiality: 'Confidential',
  assessedAt: '2026-11-27T10:00:00.000Z',
};

/** The examples, and as many more privileged pods: enough of them fill the paged appendix. */
async function exampleInput(privilegedPods = 0) {
  const loaded = await loadPaths(['examples'], DEFAULT_PARSE_LIMITS);
  const pods = Array.from({ length: privilegedPods }, (_, index) => ({
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `debug-${index}`, namespace: 'shop' },
      spec: { containers: [{ name: 'shell', image: 'busybox:1.36', securityContext: { privileged: true } }] },
    },
  }));
  return reportInputFromScan(scan(catalog, { objects: [...loaded.objects, ...pods] }), catalog, PARTIES);
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

  it('caps the paged appendix, counting what it leaves out and marking the checks it lists whole', async () => {
    const small = buildReport(await exampleInput());
    expect(small.pagedAppendix).toEqual({ entries: small.appendix, omitted: 0 });
    expect(small.findings.every((section) => section.wholeInPagedAppendix)).toBe(true);

    const model = buildReport(await exampleInput(150));
    expect(model.appendix.length).toBeGreaterThan(PAGED_APPENDIX_ROWS);
    expect(model.pagedAppendix.entries).toEqual(model.appendix.slice(0, PAGED_APPENDIX_ROWS));
    expect(model.pagedAppendix.omitted).toBe(model.appendix.length - PAGED_APPENDIX_ROWS);
    let listed = 0;
    const whole = model.findings.map((section) => (listed += section.open) <= PAGED_APPENDIX_ROWS);
    expect(model.findings.map((section) => section.wholeInPagedAppendix)).toEqual(whole);
    expect(whole.slice(0, 2)).toEqual([true, true]);
    expect(whole.at(-1)).toBe(false);
  });

  it('shows each patch once in the plan: a later item with the same patch names the first', async () => {
    const model = buildReport(await exampleInput());
    const plan = [...model.remediation.quickWins, ...model.remediation.structural];
    const patch = (id: string) => plan.find((item) => item.check.id === id)!.check.remediation.patch.trim();
    const shown = plan.filter((item) => item.samePatchAs === undefined && patch(item.check.id) !== '');
    expect(new Set(shown.map((item) => patch(item.check.id))).size).toBe(shown.length);
    const repeated = plan.filter((item) => item.samePatchAs !== undefined);
    expect(repeated.map((item) => [item.check.id, item.samePatchAs])).toEqual([
      ['rbac-binding-grants-pod-exec', 'rbac-binding-grants-cluster-admin'],
      ['hostpath-volume', 'hostpath-sensitive-path'],
    ]);
    for (const item of repeated) {
      expect(patch(item.check.id)).toBe(patch(item.samePatchAs!));
      expect(plan.findIndex((other) => other.check.id === item.samePatchAs)).toBeLessThan(plan.indexOf(item));
    }
  });
});
