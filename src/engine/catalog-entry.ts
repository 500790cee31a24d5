import type { CheckMeta, Layer, Phase, Principle, References, Remediation, Severity } from './model';

/** A check as `kubeassay checks --format json` and `GET /v1/checks` list it: metadata without the logic. */
export interface CatalogEntry {
  id: string;
  title: string;
  severity: Severity;
  layer: Layer;
  phase: Phase;
  principles: readonly Principle[];
  references: References;
  rationale: string;
  remediation: Remediation;
}

export function catalogEntry(meta: CheckMeta): CatalogEntry {
  return {
    id: meta.id,
    title: meta.title,
    severity: meta.severity,
    layer: meta.layer,
    phase: meta.phase,
    principles: meta.principles,
    references: meta.references,
    rationale: meta.rationale,
    remediation: meta.remediation,
  };
}
