import type { Content, TableCell } from 'pdfmake/interfaces';
import { GLOSSARY } from '../text/glossary';
import { METHODOLOGY } from '../text/methodology';
import { SECTION_TITLES } from '../text/sections';
import { dataTable, sectionTitle, subTitle } from './building-blocks';
import { proseBlocks, proseRuns } from './prose';

export function methodology(): Content[] {
  return [
    sectionTitle(SECTION_TITLES.methodology, 'section-methodology'),
    ...METHODOLOGY.flatMap((part) => [subTitle(part.heading), ...proseBlocks(part.blocks)]),
  ];
}

export function glossary(): Content[] {
  return [
    {
      stack: [
        sectionTitle(SECTION_TITLES.glossary, 'section-glossary', false),
        dataTable(
          [110, '*'],
          ['Term', 'Meaning'],
          GLOSSARY.map(({ term, meaning }): TableCell[] => [
            { text: term, bold: true },
            { text: proseRuns(meaning) },
          ]),
        ),
      ],
      unbreakable: true,
      margin: [0, 16, 0, 0],
    },
  ];
}
