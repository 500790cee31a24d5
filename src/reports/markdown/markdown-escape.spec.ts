import { codeSpan, escapeText, fencedBlock } from './markdown-escape';

/** Splits a table row on the pipes GFM reads as cell boundaries (not those after an odd run of backslashes). */
function cells(row: string): string[] {
  return row.split(/(?<=(?:^|[^\\])(?:\\\\)*)\|/);
}

describe('escapeText', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['run `rm -rf /`', 'run \\`rm -rf /\\`'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[x](http://evil)', '\\[x\\](http\\://evil)'],
    ['![i](x.png)', '!\\[i\\](x\\.png)'],
    ['*bold* _it_ ~~gone~~', '\\*bold\\* \\_it\\_ \\~\\~gone\\~\\~'],
    ['$\\frac{1}{2}$', '\\$\\\\frac{1}{2}\\$'],
    ['&lt;b&gt;', '\\&lt;b\\&gt;'],
    ['mail admin@evil.example', 'mail admin\\@evil\\.example'],
    ['see www.evil.example or https://evil.example', 'see www\\.evil\\.example or https\\://evil\\.example'],
  ])('escapes %j so that it reads as text', (text, markdown) => {
    expect(escapeText(text)).toBe(markdown);
  });

  it('keeps text on one line: a newline cannot start a heading, a list or a table row', () => {
    expect(escapeText('web\n# Owned\r\n| a | b |\u2028- item')).toBe('web # Owned \\| a \\| b \\| - item');
  });

  it('keeps single spaces and collapses runs, which could indent a code block or break a line', () => {
    expect(escapeText(' was')).toBe(' was');
    expect(escapeText('a\t\t b    ')).toBe('a b ');
    expect(escapeText('     # h')).toBe(' \\# h');
  });

  it('escapes block syntax at the start, where the text may begin a list item or a cell', () => {
    expect(['# h', '- x', '+ x', '= x', '1. x', '2) x', '> q'].map(escapeText)).toEqual([
      '\\# h',
      '\\- x',
      '\\+ x',
      '\\= x',
      '1\\. x',
      '2\\) x',
      '\\> q',
    ]);
  });

  it('replaces controls and bidirectional overrides, which would make the text read differently', () => {
    expect(escapeText('admin\u202Egnp.exe\u0007')).toBe('admin\uFFFDgnp\\.exe\uFFFD');
  });

  it('leaves ordinary names, numbers and paths readable', () => {
    expect(escapeText('Deployment payments/payments-api')).toBe('Deployment payments/payments-api');
    expect(escapeText('nginx:1.25.3 (34.9 %)')).toBe('nginx:1.25.3 (34.9 %)');
    expect(escapeText(42)).toBe('42');
  });

  it('never adds or removes a table cell', () => {
    for (const text of ['a|b', 'a\\|b', 'a\\\\|b', '|', '\\', 'x\\']) {
      expect(cells(`| ${escapeText(text)} |`)).toHaveLength(3);
    }
  });
});

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run inside, padded when the text starts or ends with one', () => {
    expect(codeSpan('spec.containers[0]', { inTable: false })).toBe('`spec.containers[0]`');
    expect(codeSpan('a `b` c', { inTable: false })).toBe('``a `b` c``');
    expect(codeSpan('`x', { inTable: false })).toBe('`` `x ``');
  });

  it('escapes pipes in a table cell, and falls back to escaped text when a backslash could pair with them', () => {
    expect(codeSpan('a|b', { inTable: true })).toBe('`a\\|b`');
    expect(codeSpan('a\\|b', { inTable: true })).toBe('a\\\\\\|b');
    for (const text of ['a|b', 'a\\|b', '`|`']) {
      expect(cells(`| ${codeSpan(text, { inTable: true })} |`)).toHaveLength(3);
    }
  });

  it('keeps a code span on one line', () => {
    expect(codeSpan('a\n# b', { inTable: false })).toBe('`a # b`');
  });
});

describe('fencedBlock', () => {
  it('uses a fence that no line of the content can close', () => {
    expect(fencedBlock('a: 1\n', 'yaml')).toBe('```yaml\na: 1\n```');
    expect(fencedBlock('x\n````\ny', 'yaml')).toBe('`````yaml\nx\n````\ny\n`````');
  });
});
