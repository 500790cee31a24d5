import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReportModel } from '../report-model';
import { CONTENTS_TITLE, REPORT_TITLE } from '../text/sections';
import { appendix } from './appendix';
import { LOGO_IMAGE, cover, logoDataUrl } from './cover';
import { executiveSummary } from './executive-summary';
import { findingsByCheck } from './findings';
import { parseDate, shorten } from './format';
import { heatMap } from './heat-map';
import { limitations, triage } from './limitations-and-triage';
import { glossary, methodology } from './methodology-and-glossary';
import { frameworks, principles } from './principles-and-frameworks';
import { remediationPlan } from './remediation-plan';
import { COLOURS, CONTENT_WIDTH, DEFAULT_STYLE, PAGE, STYLES } from './theme';

const HEADER_TEXT = 60;

/** Client, report id and confidentiality on every page but the cover, over a rule. */
function header(model: ReportModel) {
  return (page: number): Content | null =>
    page === 1
      ? null
      : {
          margin: [PAGE.side, 26, PAGE.side, 0],
          stack: [
            {
              columns: [
                { text: shorten(model.cover.client, HEADER_TEXT), width: '*' },
                { text: `Report ${model.cover.reportId}`, width: 'auto', alignment: 'center' },
                {
                  text: shorten(model.cover.confidentiality, HEADER_TEXT),
                  width: '*',
                  alignment: 'right',
                  bold: true,
                },
              ],
              fontSize: 7.5,
              color: COLOURS.muted,
            },
            {
              canvas: [
                {
                  type: 'line',
                  x1: 0,
                  y1: 4,
                  x2: CONTENT_WIDTH,
                  y2: 4,
                  lineWidth: 0.5,
                  lineColor: COLOURS.rule,
                },
              ],
            },
          ],
        };
}

function footer(model: ReportModel) {
  return (page: number, pages: number): Content | null =>
    page === 1
      ? null
      : {
          margin: [PAGE.side, 18, PAGE.side, 0],
          columns: [
            { text: shorten(model.cover.consultancy.name, HEADER_TEXT), width: '*' },
            { text: `Page ${page} of ${pages}`, width: 'auto', alignment: 'right' },
          ],
          fontSize: 7.5,
          color: COLOURS.muted,
        };
}

function tableOfContents(): Content {
  return {
    toc: { title: { text: CONTENTS_TITLE, style: 'h1' } },
    pageBreak: 'before',
  };
}

/**
 * The report as a pdfmake document. Every string from the model is a text run: none names an image, a font, a
 * link or a file. The PDF's dates and file id come from the model, so the same model gives the same bytes.
 */
export function reportDocument(model: ReportModel): TDocumentDefinitions {
  const assessedAt = parseDate(model.cover.assessedAt, 'cover.assessedAt');
  const logo = model.cover.consultancy.logo;
  return {
    pageSize: 'A4',
    pageMargins: [PAGE.side, PAGE.top, PAGE.side, PAGE.bottom],
    info: {
      title: `${REPORT_TITLE}: ${model.cover.client}, ${model.cover.cluster.name}`,
      author: model.cover.consultancy.name,
      subject: `Report ${model.cover.reportId} (${model.cover.confidentiality})`,
      creator: 'kubeassay',
      producer: 'kubeassay',
      creationDate: assessedAt,
      modDate: assessedAt,
    },
    images: logo === undefined ? {} : { [LOGO_IMAGE]: logoDataUrl(logo) },
    header: header(model),
    footer: footer(model),
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    content: [
      ...cover(model),
      tableOfContents(),
      ...executiveSummary(model),
      ...heatMap(model),
      ...principles(model),
      ...frameworks(model),
      ...findingsByCheck(model),
      ...remediationPlan(model),
      ...limitations(model),
      ...triage(model),
      ...methodology(),
      ...glossary(),
      ...appendix(model),
    ],
  };
}
