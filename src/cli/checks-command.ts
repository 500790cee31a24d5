import { catalogEntry } from '../engine/catalog-entry';
import type { Check } from '../engine/check';

export type CatalogFormat = 'json' | 'md';

function catalogJson(catalog: readonly Check[]): string {
  return `${JSON.stringify(
    catalog.map(({ meta }) => catalogEntry(meta)),
    null,
    2,
  )}\n`;
}

function catalogMarkdown(catalog: readonly Check[]): string {
  const lines = ['| id | title | severity | layer | phase | principles |', '|---|---|---|---|---|---|'];
  for (const { meta } of catalog) {
    lines.push(
      `| \`${meta.id}\` | ${meta.title} | ${meta.severity} | ${meta.layer} | ${meta.phase} | ${meta.principles.join(', ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `kubeassay checks`: the catalog with its place in the model and its framework references. */
export function renderCatalog(catalog: readonly Check[], format: CatalogFormat): string {
  return format === 'json' ? catalogJson(catalog) : catalogMarkdown(catalog);
}
