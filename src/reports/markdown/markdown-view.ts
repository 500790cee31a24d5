import type { ReportModel } from '../report-model';
import { GLOSSARY } from '../text/glossary';
import { METHODOLOGY } from '../text/methodology';
import { SECTION_TITLES } from '../text/sections';
import {
  type AppendixView,
  appendixView,
  type FindingsView,
  findingsView,
  type LimitationsView,
  limitationsView,
  type RemediationView,
  remediationView,
  type TriageSectionView,
  triageView,
} from './detail-view';
import type { Markdown } from './markdown-escape';
import {
  type CoverView,
  contentsView,
  coverView,
  type ExecutiveView,
  executiveView,
  type FrameworkView,
  frameworksView,
  type HeatMapView,
  heatMapView,
  type PartView,
  principlesView,
  type TableSectionView,
} from './overview-view';
import { blocksMd, proseMd } from './prose-markdown';

/**
 * What the Markdown templates show, in the model's order: the report's own prose, labels, dates and numbers,
 * formatted; nothing selected or sorted. Plain strings are text (the templates' `<%= %>` escapes them); fields
 * ending in `Md` are Markdown built by `markdown-escape` or `prose-markdown` (the templates' `<%~ %>` outputs
 * them as they are).
 */
export interface MarkdownView {
  cover: CoverView;
  contents: ReturnType<typeof contentsView>;
  executive: ExecutiveView;
  heatMap: HeatMapView;
  principles: TableSectionView<PartView>;
  frameworks: TableSectionView<FrameworkView>;
  findings: FindingsView;
  remediation: RemediationView;
  limitations: LimitationsView;
  triage: TriageSectionView;
  methodology: { titleMd: Markdown; parts: { headingMd: Markdown; blocksMd: Markdown }[] };
  glossary: { titleMd: Markdown; entries: { termMd: Markdown; meaningMd: Markdown }[] };
  appendix: AppendixView;
}

/** The model as the Markdown templates show it. */
export function markdownView(model: ReportModel): MarkdownView {
  return {
    cover: coverView(model),
    contents: contentsView(),
    executive: executiveView(model),
    heatMap: heatMapView(model.matrix),
    principles: principlesView(model),
    frameworks: frameworksView(model),
    findings: findingsView(model),
    remediation: remediationView(model),
    limitations: limitationsView(model),
    triage: triageView(model),
    methodology: {
      titleMd: proseMd(SECTION_TITLES.methodology),
      parts: METHODOLOGY.map((part) => ({
        headingMd: proseMd(part.heading),
        blocksMd: blocksMd(part.blocks),
      })),
    },
    glossary: {
      titleMd: proseMd(SECTION_TITLES.glossary),
      entries: GLOSSARY.map((entry) => ({ termMd: proseMd(entry.term), meaningMd: proseMd(entry.meaning) })),
    },
    appendix: appendixView(model),
  };
}
