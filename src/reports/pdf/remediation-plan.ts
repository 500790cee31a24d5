import type { Content } from 'pdfmake/interfaces';
import type { ReportModel, Risk } from '../report-model';
import { catalogProse, plural } from './format';
import { checkAnchor, fixAnchor } from './findings';
import {
  codeBlock,
  none,
  pageLink,
  paragraph,
  sectionTitle,
  severityLabel,
  subTitle,
} from './building-blocks';
import { SECTION_TITLES } from './section-titles';
import { CONTENT_WIDTH } from './theme';

/** The fix in words on the left, its patch on the right: YAML patches are narrow and tall. */
const TEXT_WIDTH = 200;
const COLUMN_GAP = 12;

function planItem(risk: Risk, number: number): Content {
  const { check } = risk;
  const patch = check.remediation.patch.trim();
  return {
    unbreakable: true,
    stack: [
      { text: `${number}. ${check.title}`, id: fixAnchor(check.id), style: 'h3' },
      {
        ...pageLink('Findings on page', checkAnchor(check.id), {
          text: [
            severityLabel(check.severity),
            `  ·  ${plural(risk.open, 'resource')} to fix  ·  `,
            { text: check.id, style: 'code' },
          ],
        }),
        fontSize: 8,
        margin: [0, 0, 0, 3],
      },
      patch === ''
        ? { text: catalogProse(check.remediation.text), margin: [0, 0, 0, 8] }
        : {
            columns: [
              { width: TEXT_WIDTH, text: catalogProse(check.remediation.text) },
              { width: '*', ...codeBlock(patch, CONTENT_WIDTH - TEXT_WIDTH - COLUMN_GAP) },
            ],
            columnGap: COLUMN_GAP,
          },
    ],
  };
}

function planList(risks: readonly Risk[], first: number, empty: string): Content[] {
  return risks.length === 0 ? [none(empty)] : risks.map((risk, index) => planItem(risk, first + index));
}

export function remediationPlan(model: ReportModel): Content[] {
  const { quickWins, structural } = model.remediation;
  return [
    sectionTitle(SECTION_TITLES.remediation, 'section-remediation'),
    paragraph(
      'Quick wins come first: workloads whose own settings are wrong, fixed by a patch to their manifests ' +
        '(shown as a YAML fragment to merge into each affected resource). Structural work follows: changes to ' +
        'the platform itself (admission policies, RBAC design, network policies, node and control-plane ' +
        'configuration) that need planning. Within each, items are in priority order.',
    ),
    subTitle('Quick wins'),
    ...planList(quickWins, 1, 'No quick win: every failing check needs a change to the platform.'),
    subTitle('Structural work'),
    ...planList(structural, quickWins.length + 1, 'No structural work is needed.'),
  ];
}
