import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/program';
import { loadPaths } from '../../src/collectors/manifests/load-paths';
import { DEFAULT_PARSE_LIMITS } from '../../src/collectors/manifests/limits';
import { catalog } from '../../src/engine/checks/catalog';
import { scan } from '../../src/engine/scan';
import { buildReport } from '../../src/reports/build-report';
import { escapeText } from '../../src/reports/markdown/markdown-escape';
import { renderMarkdownReport } from '../../src/reports/markdown/render-markdown';
import { reportInputFromScan } from '../../src/reports/scan-report-input';
import { loadScenarioFixture, startFakeKube } from '../support/fake-kube';
import { syntheticReportInput } from '../support/synthetic-report';

const GOLDEN = 'test/golden/example-report.md';
/** 2026-11-27 12:00 UTC. */
const EPOCH = '1795780800';
const EXAMPLE_ARGS = [
  'scan',
  'examples/',
  '--format',
  'md',
  '--client',
  'Shop Ltd',
  '--cluster',
  'shop-prod',
  '--consultancy',
  'Assay & Co',
  '--engagement',
  '2026 annual review',
];

const HEADINGS = [
  '## Contents',
  '## 1. Executive summary',
  '## 2. Layer × phase heat map',
  '## 3. Principles',
  '## 4. Framework coverage',
  '## 5. Findings by check',
  '## 6. Remediation plan',
  '## 7. Coverage gaps and limitations',
  '## 8. Triage decisions',
  '## Appendix A. Methodology',
  '## Appendix B. Glossary',
  '## Appendix C. All findings',
];

const HOSTILE =
  'a|b `tick` <script>alert(1)</script> [x](http://evil) ![i](http://evil/i.png)\n# Owned\n| c | d |';

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** The CLI in-process, with `SOURCE_DATE_EPOCH` set as a reproducible build would set it. */
async function kubeassay(argv: string[], stdin = ''): Promise<Run> {
  const chunks: Buffer[] = [];
  let stderr = '';
  const code = await runCli(argv, catalog, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (output: string | Uint8Array) => chunks.push(Buffer.from(output)) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { SOURCE_DATE_EPOCH: EPOCH },
  });
  return { code, stdout: Buffer.concat(chunks), stderr };
}

function privilegedPod(name: string, container = 'shell'): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop' },
    spec: { containers: [{ name: container, image: 'busybox:1.36', securityContext: { privileged: true } }] },
  };
}

function podList(pods: object[]): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: pods });
}

/** The lines of one `## ` section, up to the next. */
function section(report: string, heading: string): string[] {
  const lines = report.split('\n');
  const start = lines.indexOf(heading);
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end);
}

/** Cells of a table row as GFM splits them: on pipes not escaped by an odd run of backslashes. */
function cellCount(row: string): number {
  return row.split(/(?<=(?:^|[^\\])(?:\\\\)*)\|/).length - 2;
}

describe('kubeassay scan --format md', () => {
  it('renders the example byte for byte as the golden report', async () => {
    const run = await kubeassay(EXAMPLE_ARGS);
    expect(run.code).toBe(0);
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(GOLDEN, run.stdout);
    }
    const golden = readFileSync(GOLDEN);
    if (!run.stdout.equals(golden)) {
      // toBe on the text shows the first difference; the message says how to accept a wanted change.
      expect({
        report: run.stdout.toString('utf8'),
        hint: `differs from ${GOLDEN}: if the change is wanted, run UPDATE_GOLDEN=1 npx jest test/integration/report-markdown.test.ts and review the diff`,
      }).toEqual({ report: golden.toString('utf8'), hint: '' });
    }
  });

  it('writes the same bytes to --out, and again on a second run', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kubeassay-report-')), 'report.md');
    const run = await kubeassay([...EXAMPLE_ARGS, '--out', out]);
    expect(run.stdout.length).toBe(0);
    expect(readFileSync(out).equals((await kubeassay(EXAMPLE_ARGS)).stdout)).toBe(true);
  });

  it('has every section, in the order of the issue, each heading once', async () => {
    const report = (await kubeassay(EXAMPLE_ARGS)).stdout.toString('utf8');
    expect(report.split('\n').filter((line) => line.startsWith('## '))).toEqual(HEADINGS);
    expect(report.startsWith('# Kubernetes security assessment\n\n**Confidential**\n')).toBe(true);
    for (const label of [
      'Client:** Shop Ltd',
      'Cluster:** shop-prod',
      'Assessment date:** 2026-11-27 12:00 UTC',
    ]) {
      expect(report).toContain(label);
    }
  });

  it('explains the top risks in plain language, with their rationale and fix', async () => {
    const report = (await kubeassay(EXAMPLE_ARGS)).stdout.toString('utf8');
    const summary = section(report, '## 1. Executive summary').join('\n');
    const first = catalog.find((check) => check.meta.id === 'hostpath-container-runtime-socket')!.meta;
    expect(summary).toContain(`1. **${first.title}**: critical severity, 2 affected resources`);
    expect(summary).toContain(first.rationale);
    expect(summary).toContain(`**What to do:** ${first.remediation.text}`);
  });

  it('shows the heat map as a table with a score and an open count per cell', async () => {
    const run = await kubeassay(
      ['scan', '-', '--check', 'container-privileged'],
      podList([privilegedPod('debug')]),
    );
    const heatMap = section(run.stdout.toString('utf8'), '## 2. Layer × phase heat map');
    expect(heatMap).toContain(
      '| **Application** | — no checks | — no checks | — no checks | 🟥 0.0 · 1 open (1 critical) |',
    );
  });

  it('lists the first affected resources of a check and says how many more the appendix has', async () => {
    const pods = Array.from({ length: 13 }, (_, index) =>
      privilegedPod(`debug-${String(index).padStart(2, '0')}`),
    );
    const report = (
      await kubeassay(['scan', '-', '--check', 'container-privileged'], podList(pods))
    ).stdout.toString('utf8');
    const findings = section(report, '## 5. Findings by check');
    expect(findings.filter((line) => line.startsWith('| Pod shop/debug-'))).toHaveLength(10);
    expect(findings).toContain('…and 3 more affected resources, listed in Appendix C.');
    expect(
      section(report, '## Appendix C. All findings').filter((line) => line.includes('Pod shop/debug-')),
    ).toHaveLength(13);
  });

  it('escapes what the cluster says: no link, image, HTML, code span, heading or table cell comes from it', async () => {
    const run = await kubeassay(
      ['scan', '-', '--check', 'container-privileged', '--client', HOSTILE, '--cluster', HOSTILE],
      podList([privilegedPod(HOSTILE, HOSTILE)]),
    );
    const report = run.stdout.toString('utf8');
    const escaped =
      'a\\|b \\`tick\\` \\<script\\>alert(1)\\</script\\> \\[x\\](http\\://evil) !\\[i\\](http\\://evil/i\\.png) # Owned \\| c \\| d \\|';
    expect(report).toContain(`| Pod shop/${escaped} | ${escaped} | Container ${escaped} runs privileged |`);
    expect(report).toContain(`- **Client:** ${escaped}\n`);
    for (const raw of ['<script>', '![i]', '`tick`', '\n# Owned', '\n| c | d |']) {
      expect(report).not.toContain(raw);
    }
    expect(report).not.toMatch(/(?<!\\)\]\(http/);
    const lines = report.split('\n');
    for (const [index, line] of lines.entries()) {
      if (line.startsWith('|') && lines[index + 1]?.startsWith('|-')) {
        const columns = cellCount(line);
        for (let row = index + 2; lines[row]?.startsWith('|'); row++) {
          expect({ row: lines[row], cells: cellCount(lines[row]!) }).toEqual({
            row: lines[row],
            cells: columns,
          });
        }
      }
    }
  });

  it('lists triage decisions: accepted risks with justification and expiry, and expired exceptions', async () => {
    const exceptions = join(mkdtempSync(join(tmpdir(), 'kubeassay-report-')), 'exceptions.yaml');
    writeFileSync(
      exceptions,
      [
        'exceptions:',
        '  - id: debug-pod',
        '    check: container-privileged',
        '    selector: {namespace: shop, name: "debug"}',
        '    justification: "Break-glass pod for the migration | approved by <b>ops</b>"',
        '    expires: 2999-01-01',
        '  - id: stale-waiver',
        '    check: container-privileged',
        '    selector: {namespace: legacy}',
        '    justification: Old waiver.',
        '    expires: 2020-01-01',
      ].join('\n'),
    );
    const run = await kubeassay(
      ['scan', '-', '--check', 'container-privileged', '--exceptions', exceptions],
      podList([privilegedPod('debug'), privilegedPod('other')]),
    );
    const triage = section(run.stdout.toString('utf8'), '## 8. Triage decisions');
    expect(triage).toContain(
      '| `container-privileged` | Pod shop/debug | shell | Break-glass pod for the migration \\| approved by \\<b\\>ops\\</b\\> | 2999-01-01 | exception (waiver file) |',
    );
    expect(triage).toContain('- stale-waiver');
    expect(run.stdout.toString('utf8')).toContain('Not counted above: 1 accepted risk and 0 false positives');
  });

  it('names a live cluster after its context, and lists what could not be read as coverage gaps', async () => {
    const fake = await startFakeKube({ objects: loadScenarioFixture('webshop') });
    try {
      const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubeassay-report-')), 'config');
      writeFileSync(kubeconfig, fake.kubeconfig('certificate', { name: 'webshop' }));
      fake.setFaults({ forbidden: ['rolebindings'] });
      const report = (await kubeassay(['scan', '--kubeconfig', kubeconfig])).stdout.toString('utf8');
      expect(report).toContain('- **Cluster:** webshop');
      const gaps = section(report, '## 7. Coverage gaps and limitations');
      const gap = gaps.find((line) => line.startsWith('| RoleBinding | forbidden (403)'));
      expect(gap).toMatch(/rbac-/);
      expect(report).not.toContain('| Source |');
    } finally {
      await fake.stop();
    }
  });

  it('refuses a malformed SOURCE_DATE_EPOCH, as reproducible builds ask', async () => {
    const run = await runCli(['scan', 'examples/'], catalog, {
      stdin: Readable.from([]),
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: { SOURCE_DATE_EPOCH: '2026-11-27' },
    });
    expect(run).toBe(2);
  });
});

describe('renderMarkdownReport', () => {
  it('says what changed since the previous assessment when the model has a comparison', async () => {
    const loaded = await loadPaths(['examples'], DEFAULT_PARSE_LIMITS);
    const input = reportInputFromScan(scan(catalog, { objects: loaded.objects }), catalog, {
      consultancy: { name: 'Assay & Co' },
      client: 'Shop Ltd',
      cluster: { name: 'shop-prod', version: 'v1.29.4', platform: 'eks' },
      confidentiality: 'Strictly confidential',
      assessedAt: '2026-11-27T12:00:00.000Z',
    });
    const changes = {
      againstDate: '2026-08-01T09:30:00.000Z',
      new: 4,
      fixed: 9,
      persisting: 120,
      regressed: 1,
      notAssessed: 2,
    };
    const report = renderMarkdownReport(buildReport({ ...input, changes }));
    expect(report).toContain(
      'Compared with the assessment of 2026-08-01: 4 new, 9 fixed, 120 persisting, 1 regressed (fixed before, open again) and 2 not assessed',
    );
    expect(report).toContain('- **Cluster:** shop-prod (v1.29.4, eks)');
    expect(report).toContain('**Strictly confidential**');
  });
});

describe('Markdown report of a 50k-pod cluster', () => {
  it('has every section, names the top findings, and lists every open finding in Appendix C', () => {
    const model = buildReport(
      syntheticReportInput(50_000, {
        consultancy: { name: 'Assay & Co' },
        client: 'Synthetic Corp',
        cluster: { name: 'synthetic' },
        confidentiality: 'Confidential',
        assessedAt: '2026-11-27T10:00:00.000Z',
      }),
    );
    const started = performance.now();
    const report = renderMarkdownReport(model);
    expect((performance.now() - started) / 1000).toBeLessThan(10);
    expect(report.split('\n').filter((line) => line.startsWith('## '))).toEqual(HEADINGS);
    const summary = section(report, '## 1. Executive summary').join('\n');
    model.executive.topRisks.forEach((risk, index) => {
      expect(summary).toContain(`${index + 1}. **${escapeText(risk.check.title)}**`);
    });
    const findings = section(report, '## 5. Findings by check');
    model.findings.forEach((entry, index) => {
      expect(findings).toContain(`### 5.${index + 1} ${escapeText(entry.check.title)}`);
    });
    const appendixRows = section(report, '## Appendix C. All findings').filter((line) => /^\| \d/.test(line));
    expect(model.appendix.length).toBeGreaterThan(50_000);
    expect(appendixRows).toHaveLength(model.appendix.length);
  }, 120_000);
});

describe('Markdown templates', () => {
  it('output unescaped (<%~ %>) only other templates and Markdown built by markdown-escape (fields named *Md)', () => {
    const directory = 'reports/templates/markdown';
    const raw = readdirSync(directory).flatMap((file) =>
      [...readFileSync(join(directory, file), 'utf8').matchAll(/<%~\s*(.*?)\s*-?%>/g)].map(
        (match) => match[1]!,
      ),
    );
    expect(raw.length).toBeGreaterThan(0);
    expect(
      raw.filter((expression) => !/^include\('\.\/[a-z-]+', it\)$|\.[a-zA-Z]+Md$/.test(expression)),
    ).toEqual([]);
  });
});
