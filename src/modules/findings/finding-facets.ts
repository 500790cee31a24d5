import type { FindingFacetsDto, NamespaceCountDto } from './dto/finding-facets.dto';
import type { FacetCount } from './finding.repository';

/** Most findings first; ties by value in code-point order (whatever the database's collation), null last. */
function byCountThenValue(a: NamespaceCountDto, b: NamespaceCountDto): number {
  if (a.count !== b.count) {
    return b.count - a.count;
  }
  if (a.value === b.value) {
    return 0;
  }
  if (a.value === null || b.value === null) {
    return a.value === null ? 1 : -1;
  }
  return a.value < b.value ? -1 : 1;
}

/** The facet rows of the grouping sets as the API shows them. */
export function toFacets(rows: readonly FacetCount[]): FindingFacetsDto {
  const facets: FindingFacetsDto = {
    total: 0,
    severity: [],
    status: [],
    layer: [],
    phase: [],
    check: [],
    namespace: [],
  };
  for (const { facet, value, count } of rows) {
    if (facet === 'namespace') {
      facets.namespace.push({ value, count });
    } else {
      facets[facet].push({ value: value!, count });
    }
  }
  const { severity, status, layer, phase, check, namespace } = facets;
  for (const counts of [severity, status, layer, phase, check, namespace]) {
    counts.sort(byCountThenValue);
  }
  // Every finding has exactly one severity.
  facets.total = severity.reduce((sum, { count }) => sum + count, 0);
  return facets;
}
