import { readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { MITRE_TECHNIQUES } from '../../references/mitre-techniques';
import { NSA_SECTIONS } from '../../references/nsa-sections';
import { podSecurityChecks } from './index';

const checkFiles = readdirSync(__dirname)
  .filter(
    (file) =>
      file.endsWith('.ts') && !file.endsWith('.spec.ts') && !['index.ts', 'support.ts'].includes(file),
  )
  .map((file) => file.replace(/\.ts$/, ''));

describe('pod-security catalog area', () => {
  it('registers one check per file, named by its id, each with a spec', () => {
    const ids = podSecurityChecks.map((check) => check.meta.id);
    expect([...ids].sort()).toEqual([...checkFiles].sort());
    const specs = new Set(readdirSync(__dirname).filter((file) => file.endsWith('.spec.ts')));
    expect(checkFiles.filter((id) => !specs.has(`${id}.spec.ts`))).toEqual([]);
  });

  it.each(podSecurityChecks.map((check) => [check.meta.id, check]))(
    '%s has a valid YAML patch and known references',
    (_id, check) => {
      const { meta } = check;
      const patch: unknown = parse(meta.remediation.patch);
      expect(patch).toHaveProperty('spec');
      expect(meta.principles.length).toBeGreaterThan(0);
      for (const section of meta.references.nsa ?? []) {
        expect(Object.keys(NSA_SECTIONS)).toContain(section);
      }
      for (const technique of meta.references.mitre ?? []) {
        expect(Object.keys(MITRE_TECHNIQUES)).toContain(technique);
      }
      for (const control of meta.references.kubescape ?? []) {
        expect(control).toMatch(/^C-\d{4}$/);
      }
      for (const id of meta.references.cis ?? []) {
        expect(id).toMatch(/^5\.\d+\.\d+$/);
      }
    },
  );

  it('maps each Polaris check at most once', () => {
    const polarisIds = podSecurityChecks.flatMap((check) => check.meta.references.polaris ?? []);
    expect(new Set(polarisIds).size).toBe(polarisIds.length);
  });
});
