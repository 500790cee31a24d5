import type { Content } from 'pdfmake/interfaces';
import type { PlanItem, ReportModel } from '../report-model';
import { openFindings } from '../text/findings';
import { placeText } from '../text/format';
import { NONE } from '../text/labels';
import {
  planItemNumbers,
  QUICK_WINS,
  REMEDIATION_INTRO,
  samePatchAs,
  STRUCTURAL_WORK,
} from '../text/remediation-plan';
import { SECTION_TITLES } from '../text/sections';
import {
  codeBlock,
  none,
  pageLink,
  paragraph,
  sectionTitle,
  severityLabel,
  subTitle,
} from './building-blocks';
import { checkAnchor, fixAnchor } from './findings';
import { proseRuns } from './prose';
import { CONTENT_WIDTH } from './theme';

/** The fix in words on the left, its patch on the right: YAML patches are narrow and tall. */
const TEXT_WIDTH = 200;
const COLUMN_GAP = 12;

type PlanNumbers = Map<string, string>;

/** The patch beside the fix; a patch the plan already shows is named, with its page. */
function fixAndPatch(item: PlanItem, numbers: PlanNumbers): Content {
  const fix = proseRuns(item.check.remediation.text);
  if (item.samePatchAs !== undefined) {
    return {
      stack: [
        { text: fix },
        {
          ...pageLink('Patch on page', fixAnchor(item.samePatchAs), {
            text: proseRuns(samePatchAs(numbers.get(item.samePatchAs)!)),
          }),
          margin: [0, 2, 0, 0],
        },
      ],
      margin: [0, 0, 0, 8],
    };
  }
  const patch = item.check.remediation.patch.trim();
  return patch === ''
    ? { text: fix, margin: [0, 0, 0, 8] }
    : {
        columns: [
          { width: TEXT_WIDTH, text: fix },
          { width: '*', ...codeBlock(patch, CONTENT_WIDTH - TEXT_WIDTH - COLUMN_GAP) },
        ],
        columnGap: COLUMN_GAP,
      };
}

function planItem(item: PlanItem, numbers: PlanNumbers): Content {
  const { check } = item;
  return {
    unbreakable: true,
    stack: [
      { text: `${numbers.get(check.id)!}. ${check.title}`, id: fixAnchor(check.id), style: 'h3' },
      {
        ...pageLink('Findings on page', checkAnchor(check.id), {
          text: [
            severityLabel(check.severity),
            '  ·  ',
            { text: check.id, style: 'code' },
            `  ·  ${placeText(check)}  ·  ${openFindings(item.open)}`,
          ],
        }),
        fontSize: 8,
        margin: [0, 0, 0, 3],
      },
      fixAndPatch(item, numbers),
    ],
  };
}

function planList(items: readonly PlanItem[], numbers: PlanNumbers): Content[] {
  return items.length === 0 ? [none(NONE)] : items.map((item) => planItem(item, numbers));
}

export function remediationPlan(model: ReportModel): Content[] {
  const { quickWins, structural } = model.remediation;
  const numbers = planItemNumbers(model.remediation);
  return [
    sectionTitle(SECTION_TITLES.remediation, 'section-remediation'),
    paragraph(proseRuns(REMEDIATION_INTRO)),
    subTitle(QUICK_WINS),
    ...planList(quickWins, numbers),
    subTitle(STRUCTURAL_WORK),
    ...planList(structural, numbers),
  ];
}
