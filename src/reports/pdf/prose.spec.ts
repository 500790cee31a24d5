import { proseBlocks, proseRuns } from './prose';

describe('proseRuns', () => {
  it('sets `code` in the code style and **strong** in bold, joining soft breaks', () => {
    expect(proseRuns('Set `readOnly: true`, **not**\nlater.')).toEqual([
      { text: 'Set ' },
      { text: 'readOnly: true', style: 'code' },
      { text: ', ' },
      { text: 'not', bold: true },
      { text: ' later.' },
    ]);
  });

  it('leaves text without marks as one run, and a lone backtick or asterisk as text', () => {
    expect(proseRuns('plain text')).toEqual([{ text: 'plain text' }]);
    expect(proseRuns('a * b ` c')).toEqual([{ text: 'a * b ` c' }]);
  });
});

describe('proseBlocks', () => {
  it('makes paragraphs and bulleted lists', () => {
    expect(proseBlocks([{ paragraph: 'A.' }, { list: ['B.'] }])).toEqual([
      { text: [{ text: 'A.' }], style: 'paragraph' },
      { ul: [{ text: [{ text: 'B.' }], margin: [0, 0, 0, 2] }], style: 'paragraph' },
    ]);
  });
});
