import { SECTION_TITLES } from '../text/sections';
import { blocksMd, headingAnchor, headingLinkMd } from './prose-markdown';

describe('headingAnchor', () => {
  it('gives the anchors GitHub gives the report headings', () => {
    expect(Object.values(SECTION_TITLES).map(headingAnchor)).toEqual([
      '1-executive-summary',
      '2-layer--phase-heat-map',
      '3-principles',
      '4-framework-coverage',
      '5-findings-by-check',
      '6-remediation-plan',
      '7-coverage-gaps-and-limitations',
      '8-triage-decisions',
      'appendix-a-methodology',
      'appendix-b-glossary',
      'appendix-c-all-findings',
    ]);
    expect(headingAnchor("S2. Pod mounts a node's path (read/write)")).toBe(
      's2-pod-mounts-a-nodes-path-readwrite',
    );
  });

  it('links to a heading under the text given', () => {
    expect(headingLinkMd('Q3. Container runs privileged', 'Q3')).toBe('[Q3](#q3-container-runs-privileged)');
  });
});

describe('blocksMd', () => {
  it('keeps soft breaks, indenting them under a list item, with blocks a blank line apart', () => {
    expect(
      blocksMd([{ paragraph: 'One\nparagraph.' }, { list: ['**First**: a\nlong item.', 'Second.'] }]),
    ).toBe('One\nparagraph.\n\n- **First**: a\n  long item.\n- Second.');
  });
});
