import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportModel } from '../report-model';
import { COVER_LABELS } from '../text/labels';
import { REPORT_TITLE } from '../text/sections';
import { formatDateTime } from './format';
import { COLOURS } from './theme';

/** The name under which the cover's logo is registered in the document's images. */
export const LOGO_IMAGE = 'consultancy-logo';

/** The logo as a data URL: the only form of image the printer accepts (no path, no URL). */
export function logoDataUrl(logo: NonNullable<ReportModel['cover']['consultancy']['logo']>): string {
  return `data:image/${logo.type};base64,${logo.data.toString('base64')}`;
}

function clusterLine(cluster: ReportModel['cover']['cluster']): string {
  const details = [cluster.version, cluster.platform].filter(
    (detail) => detail !== undefined && detail !== '',
  );
  return details.length === 0 ? cluster.name : `${cluster.name} (${details.join(', ')})`;
}

function detailRow(label: string, value: string): TableCell[] {
  return [
    { text: label, color: COLOURS.muted },
    { text: value, bold: true },
  ];
}

export function cover(model: ReportModel): Content[] {
  const { cover } = model;
  const rows = [
    detailRow(COVER_LABELS.client, cover.client),
    ...(cover.engagement === undefined ? [] : [detailRow(COVER_LABELS.engagement, cover.engagement)]),
    detailRow(COVER_LABELS.cluster, clusterLine(cover.cluster)),
    detailRow(COVER_LABELS.assessedAt, formatDateTime(cover.assessedAt)),
    detailRow(COVER_LABELS.reportId, cover.reportId),
    detailRow(COVER_LABELS.preparedBy, cover.consultancy.name),
  ];
  return [
    ...(cover.consultancy.logo === undefined
      ? []
      : [{ image: LOGO_IMAGE, fit: [180, 70] as [number, number] }]),
    { text: cover.consultancy.name, fontSize: 12, bold: true, color: COLOURS.accent, margin: [0, 8, 0, 0] },
    { text: REPORT_TITLE, fontSize: 28, bold: true, margin: [0, 150, 0, 6] },
    { text: cover.client, fontSize: 18, color: COLOURS.accent, margin: [0, 0, 0, 36] },
    {
      table: { widths: [110, '*'], body: rows },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0,
        hLineColor: () => COLOURS.rule,
        paddingTop: () => 5,
        paddingBottom: () => 5,
      },
      fontSize: 10.5,
    },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              text: cover.confidentiality,
              bold: true,
              fontSize: 12,
              alignment: 'center',
              color: COLOURS.white,
              fillColor: COLOURS.accent,
              margin: [0, 6, 0, 6],
            },
          ],
        ],
      },
      layout: 'noBorders',
      margin: [0, 60, 0, 0],
    },
  ];
}
