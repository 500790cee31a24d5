import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Layer, Phase, Principle, Severity } from '../../src/engine/model';
import { MITRE_TECHNIQUES } from '../../src/engine/references/mitre-techniques';
import { NSA_SECTIONS } from '../../src/engine/references/nsa-sections';
import { kubeassay } from '../support/cli';
import { POLARIS_CORPUS } from '../support/polaris-conformance';

interface ListedCheck {
  id: string;
  title: string;
  severity: Severity;
  layer: Layer;
  phase: Phase;
  principles: Principle[];
  references: Partial<Record<'cis' | 'nsa' | 'mitre' | 'polaris' | 'kubescape', string[]>>;
  rationale: string;
  remediation: { text: string; patch: string };
}

/** The one cell of the model no Kubernetes object can inform (docs/decisions/0001). */
const UNREACHABLE_CELLS = ['system/develop'];

async function listedChecks(): Promise<ListedCheck[]> {
  const run = await kubeassay(['checks', '--format', 'json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ListedCheck[];
}

describe('kubeassay checks --format json', () => {
  let checks: ListedCheck[];
  beforeAll(async () => {
    checks = await listedChecks();
  });

  it('lists at least 90 checks with unique kebab-case ids, each in its own file with a spec', () => {
    expect(checks.length).toBeGreaterThanOrEqual(90);
    expect(new Set(checks.map((check) => check.id)).size).toBe(checks.length);
    for (const { id } of checks) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const area = ['pod-security', 'workload', 'secrets', 'network', 'rbac', 'admission', 'control-plane', 'system'].find(
        (folder) => existsSync(join('src/engine/checks', folder, `${id}.ts`)),
      );
      expect({ id, area }).toEqual({ id, area: expect.any(String) });
      expect(existsSync(join('src/engine/checks', area!, `${id}.spec.ts`))).toBe(true);
    }
  });

  it('gives every check its place in the model, a severity and a remediation whose patch is YAML', () => {
    for (const check of checks) {
      expect(Object.values(Severity)).toContain(check.severity);
      expect(Object.values(Layer)).toContain(check.layer);
      expect(Object.values(Phase)).toContain(check.phase);
      expect(check.principles.length).toBeGreaterThan(0);
      check.principles.forEach((principle) => expect(Object.values(Principle)).toContain(principle));
      expect(check.title.length).toBeGreaterThan(5);
      expect(check.rationale.length).toBeGreaterThan(30);
      expect(check.remediation.text.length).toBeGreaterThan(10);
      expect(typeof parse(check.remediation.patch)).toBe('object');
    }
  });

  it('cites only known framework ids, and at least 70 % of checks cite CIS, NSA or MITRE', () => {
    const polarisIds = new Set(
      (JSON.parse(readFileSync(join(POLARIS_CORPUS, 'checks.json'), 'utf8')) as { id: string }[]).map((c) => c.id),
    );
    for (const { id, references } of checks) {
      (references.cis ?? []).forEach((ref) => expect({ id, ref }).toEqual({ id, ref: expect.stringMatching(/^[1-5](\.\d+){1,3}$/) }));
      (references.nsa ?? []).forEach((ref) => expect(Object.keys(NSA_SECTIONS)).toContain(ref));
      (references.mitre ?? []).forEach((ref) => expect(Object.keys(MITRE_TECHNIQUES)).toContain(ref));
      (references.polaris ?? []).forEach((ref) => expect(polarisIds.has(ref)).toBe(true));
      (references.kubescape ?? []).forEach((ref) => expect(ref).toMatch(/^C-\d{4}$/));
    }
    const citing = checks.filter(({ references }) =>
      ['cis', 'nsa', 'mitre'].some((framework) => (references[framework as 'cis']?.length ?? 0) > 0),
    );
    expect(citing.length / checks.length).toBeGreaterThanOrEqual(0.7);
  });

  it('maps every built-in Polaris check exactly once', () => {
    const builtin = (JSON.parse(readFileSync(join(POLARIS_CORPUS, 'checks.json'), 'utf8')) as { id: string; builtin: boolean }[])
      .filter((check) => check.builtin)
      .map((check) => check.id);
    const mapped = checks.flatMap((check) => check.references.polaris ?? []);
    expect([...mapped].sort()).toEqual([...builtin].sort());
  });

  it('puts at least three checks in every layer × phase cell the model can reach', () => {
    for (const layer of Object.values(Layer)) {
      for (const phase of Object.values(Phase)) {
        const count = checks.filter((check) => check.layer === layer && check.phase === phase).length;
        if (UNREACHABLE_CELLS.includes(`${layer}/${phase}`)) {
          expect({ cell: `${layer}/${phase}`, count }).toEqual({ cell: `${layer}/${phase}`, count: 0 });
        } else {
          expect({ cell: `${layer}/${phase}`, count: Math.min(count, 3) }).toEqual({ cell: `${layer}/${phase}`, count: 3 });
        }
      }
    }
  });
});
