import type { Layer, Phase, Principle, Severity } from '../../engine/model';
import type { FindingFilterDto } from './dto/finding-query.dto';
import type { TriageStatus } from './finding-status';

/** What a listing or its facets are narrowed to: a finding matches every given field, and a list when it has any of its values. */
export interface FindingFilter {
  severities?: readonly Severity[];
  layers?: readonly Layer[];
  phases?: readonly Phase[];
  /** Findings with at least one of these principles. */
  principles?: readonly Principle[];
  statuses?: readonly TriageStatus[];
  namespaces?: readonly string[];
  checks?: readonly string[];
  /** A case-insensitive substring of the message, resource name, namespace or check id. */
  text?: string;
}

export function toFindingFilter(query: FindingFilterDto): FindingFilter {
  return {
    ...(query.severity && { severities: query.severity }),
    ...(query.layer && { layers: query.layer }),
    ...(query.phase && { phases: query.phase }),
    ...(query.principle && { principles: query.principle }),
    ...(query.status && { statuses: query.status }),
    ...(query.namespace && { namespaces: query.namespace }),
    ...(query.check && { checks: query.check }),
    ...(query.text !== undefined && { text: query.text }),
  };
}
