import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Eta } from 'eta';
import type { ReportModel } from '../report-model';
import { escapeText } from './markdown-escape';
import { markdownView } from './markdown-view';
import { countText } from '../text/format';

const TEMPLATES = join('reports', 'templates', 'markdown');

/** The package's top-level `reports/templates/markdown`, above the running code (src/ or dist/src/). */
function templatesDirectory(): string {
  for (let directory = __dirname; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) {
      return join(directory, TEMPLATES);
    }
    if (dirname(directory) === directory) {
      throw new Error('package.json not found above the running code');
    }
  }
}

/** `<%= %>` in a template: text, escaped so that nothing it says is read as Markdown or HTML; or a count. */
function escapeInterpolation(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new TypeError(`a Markdown template interpolated ${value === null ? 'null' : typeof value}`);
  }
  return typeof value === 'number' ? countText(value) : escapeText(value);
}

let engine: Eta | undefined;

function templates(): Eta {
  engine ??= new Eta({
    views: templatesDirectory(),
    cache: true,
    autoEscape: true,
    escapeFunction: escapeInterpolation,
    autoTrim: false,
  });
  return engine;
}

/** The report as GitHub-flavoured Markdown, from the templates in `reports/templates/markdown`. */
export function renderMarkdownReport(model: ReportModel): string {
  return templates().render('report', markdownView(model));
}
