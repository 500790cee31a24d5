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
    const areas = [
      'pod-security',
      'workload',
      'secrets',
      'network',
      'rbac',
      'admission',
      'control-plane',
      'system',
    ];
    const misplaced = checks
      .map(({ id }) => id)
      .filter(
        (id) =>
          !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) ||
          !areas.some(
            (area) =>
              existsSync(join('src/engine/checks', area, `${id}.ts`)) &&
              existsSync(join('src/engine/checks', area, `${id}.spec.ts`)),
          ),
      );
    expect(misplaced).toEqual([]);
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
      (JSON.parse(readFileSync(join(POLARIS_CORPUS, 'checks.json'), 'utf8')) as { id: string }[]).map(
        (c) => c.id,
      ),
    );
    const valid = {
      cis: (ref: string) => /^[1-5](\.\d+){1,3}$/.test(ref),
      nsa: (ref: string) => ref in NSA_SECTIONS,
      mitre: (ref: string) => ref in MITRE_TECHNIQUES,
      polaris: (ref: string) => polarisIds.has(ref),
      kubescape: (ref: string) => /^C-\d{4}$/.test(ref),
    };
    const invalid = checks.flatMap(({ id, references }) =>
      Object.entries(valid).flatMap(([framework, isValid]) =>
        (references[framework as keyof typeof valid] ?? [])
          .filter((ref) => !isValid(ref))
          .map((ref) => `${id}: ${framework} ${ref}`),
      ),
    );
    expect(invalid).toEqual([]);
    const citing = checks.filter(({ references }) =>
      ['cis', 'nsa', 'mitre'].some((framework) => (references[framework as 'cis']?.length ?? 0) > 0),
    );
    expect(citing.length / checks.length).toBeGreaterThanOrEqual(0.7);
  });

  it('maps every built-in Polaris check exactly once', () => {
    const builtin = (
      JSON.parse(readFileSync(join(POLARIS_CORPUS, 'checks.json'), 'utf8')) as {
        id: string;
        builtin: boolean;
      }[]
    )
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
          expect({ cell: `${layer}/${phase}`, count: Math.min(count, 3) }).toEqual({
            cell: `${layer}/${phase}`,
            count: 3,
          });
        }
      }
    }
  });
});
