import {
  adfDocument,
  bulletList,
  code,
  codeBlock,
  heading,
  link,
  listItem,
  paragraph,
  rule,
  strong,
  text,
} from './adf';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('the ADF builder', () => {
  it('builds the structure Atlassian documents: doc, version 1, typed nodes, marks with attrs', () => {
    const document = adfDocument([
      heading(2, 'Containers run as root'),
      paragraph(
        'Pod ',
        code('web-7d4'),
        ' in ',
        strong('payments'),
        ' — see ',
        link('CIS 5.2.6', 'https://www.cisecurity.org/'),
      ),
      bulletList('first', [text('second '), code('x')], listItem(paragraph('third'), codeBlock('a: 1'))),
      codeBlock('spec:\n  securityContext:\n    runAsNonRoot: true\n', 'yaml'),
      rule(),
    ]);
    expect(document).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Containers run as root' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Pod ' },
            { type: 'text', text: 'web-7d4', marks: [{ type: 'code' }] },
            { type: 'text', text: ' in ' },
            { type: 'text', text: 'payments', marks: [{ type: 'strong' }] },
            { type: 'text', text: ' — see ' },
            {
              type: 'text',
              text: 'CIS 5.2.6',
              marks: [{ type: 'link', attrs: { href: 'https://www.cisecurity.org/' } }],
            },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }],
            },
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'second ' },
                    { type: 'text', text: 'x', marks: [{ type: 'code' }] },
                  ],
                },
              ],
            },
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'third' }] },
                { type: 'codeBlock', content: [{ type: 'text', text: 'a: 1' }] },
              ],
            },
          ],
        },
        {
          type: 'codeBlock',
          attrs: { language: 'yaml' },
          content: [{ type: 'text', text: 'spec:\n  securityContext:\n    runAsNonRoot: true\n' }],
        },
        { type: 'rule' },
      ],
    });
  });

  it('links only http(s) URLs: anything else stays plain text', () => {
    expect(link('docs', 'http://example.com/a')).toEqual({
      type: 'text',
      text: 'docs',
      marks: [{ type: 'link', attrs: { href: 'http://example.com/a' } }],
    });
    for (const href of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'not a url']) {
      expect(link('click', href)).toEqual({ type: 'text', text: 'click' });
    }
  });

  it('drops empty text, which Jira refuses, and keeps every other character as it is', () => {
    const hostile = '<script>alert("x")</script> {{7*7}} *bold* \\ \u0000';
    expect(paragraph('', hostile, code(''))).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: hostile }],
    });
    expect(codeBlock('')).toEqual({ type: 'codeBlock', content: [] });
    expect(JSON.parse(JSON.stringify(paragraph(hostile)))).toEqual(paragraph(hostile));
  });

  it('leaves a document within the limit untouched', () => {
    const blocks = [paragraph('short')];
    expect(adfDocument(blocks, { maxLength: 200 })).toEqual({ type: 'doc', version: 1, content: blocks });
  });

  it('cuts a long list to the items that fit and says so at the end', () => {
    const resources = Array.from({ length: 5_000 }, (_, index) => [code(`default/deployment/web-${index}`)]);
    const document = adfDocument([
      heading(3, 'Affected resources'),
      bulletList(...resources),
      paragraph('How to verify'),
    ]);
    const serialized = JSON.stringify(document);
    // As many items as fit: one more (about 140 characters of ADF each) would not.
    expect(serialized.length).toBeLessThanOrEqual(32_000);
    expect(serialized.length).toBeGreaterThan(32_000 - 200);
    const [title, list, note, ...rest] = document.content;
    expect(title).toEqual(heading(3, 'Affected resources'));
    expect(list?.type === 'bulletList' && list.content[0]).toEqual(bulletList(resources[0]!).content[0]);
    expect(note).toEqual(
      paragraph(strong('Truncated to fit Jira’s size limit: the complete text is in Kubeassay.')),
    );
    expect(rest).toEqual([]);
  });

  it('cuts a long code block by characters, never inside a surrogate pair', () => {
    const patch = '# 🔒 '.repeat(5_000);
    const document = adfDocument([paragraph('Patch:'), codeBlock(patch, 'yaml')], {
      maxLength: 2_000,
      truncationNote: 'cut',
    });
    expect(JSON.stringify(document).length).toBeLessThanOrEqual(2_000);
    const block = document.content[1];
    expect(block?.type).toBe('codeBlock');
    const kept = block?.type === 'codeBlock' ? block.content[0]!.text : '';
    expect(patch.startsWith(kept) && kept.length > 1_500).toBe(true);
    expect(LONE_SURROGATE.test(kept)).toBe(false);
    expect(document.content[2]).toEqual(paragraph(strong('cut')));
  });
});
