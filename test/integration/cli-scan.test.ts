import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeassay } from '../support/cli';

const privilegedPod = `
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop}
spec:
  containers:
    - name: shell
      image: busybox:1.36
      securityContext: {privileged: true}
`;

interface JsonOutput {
  findings: {
    check: string;
    resource: { name: string };
    status: string;
    source?: { file: string; line: number };
  }[];
  checks: { check: string; status: string }[];
  inputErrors: { code: string; file?: string }[];
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kubeassay-cli-'));
}

describe('kubeassay scan', () => {
  it('scans the example application and prints findings', async () => {
    const run = await kubeassay(['scan', 'examples/', '--format', 'json']);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(run.code).toBe(0);
    expect(output.findings.length).toBeGreaterThan(10);
    expect(output.findings.every((finding) => finding.source?.file.startsWith('examples/'))).toBe(true);
  });

  it('reads standard input with -', async () => {
    const run = await kubeassay(
      ['scan', '-', '--format', 'json', '--check', 'container-privileged'],
      privilegedPod,
    );
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.findings.map((finding) => finding.resource.name)).toEqual(['debug']);
  });

  it('exits 1 when a finding reaches --fail-on, 0 below it', async () => {
    expect(
      (
        await kubeassay(
          ['scan', '-', '--check', 'container-privileged', '--fail-on', 'critical'],
          privilegedPod,
        )
      ).code,
    ).toBe(1);
    const dir = tempDir();
    writeFileSync(join(dir, 'pod.yaml'), privilegedPod.replace('privileged: true', 'privileged: false'));
    expect((await kubeassay(['scan', dir, '--check', 'container-privileged', '--fail-on', 'low'])).code).toBe(
      0,
    );
  });

  it('exits 2 on usage errors, naming the problem', async () => {
    const unknownCheck = await kubeassay(['scan', 'examples/', '--check', 'no-such-check']);
    expect(unknownCheck.code).toBe(2);
    expect(unknownCheck.stderr).toContain('no-such-check');
    expect((await kubeassay(['scan', 'examples/', '--layer', 'kernel'])).code).toBe(2);
    expect((await kubeassay(['scan'])).code).toBe(2);
  });

  it('scans a kubectl List snapshot given with --snapshot', async () => {
    const snapshot = join(tempDir(), 'cluster.json');
    const pod = {
      metadata: { name: 'debug', namespace: 'shop' },
      spec: { containers: [{ name: 'shell', securityContext: { privileged: true } }] },
    };
    writeFileSync(snapshot, JSON.stringify({ apiVersion: 'v1', kind: 'PodList', items: [pod] }));
    const run = await kubeassay([
      'scan',
      '--snapshot',
      snapshot,
      '--format',
      'json',
      '--check',
      'container-privileged',
    ]);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.findings.map((finding) => [finding.resource.name, finding.source?.file])).toEqual([
      ['debug', snapshot],
    ]);
  });

  it('prints the Markdown report by default, with the layer × phase heat map and findings grouped by check', async () => {
    const run = await kubeassay(['scan', '-', '--check', 'container-privileged'], privilegedPod);
    expect(run.stdout).toContain(
      '| **Application** | — no checks | — no checks | — no checks | 🟥 0.0 · 1 open (1 critical) |',
    );
    expect(run.stdout).toContain(
      '### 5.1 Container runs privileged\n\n**Critical** · `container-privileged`',
    );
    expect(run.stdout).toContain('| Pod shop/debug | shell | Container shell runs privileged |');
  });

  it('writes the output to --out', async () => {
    const out = join(tempDir(), 'result.sarif');
    const run = await kubeassay(['scan', '-', '--format', 'sarif', '--out', out], privilegedPod);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('accepts findings matched by an exceptions file and reports expired exceptions', async () => {
    const dir = tempDir();
    const exceptions = join(dir, 'exceptions.yaml');
    writeFileSync(
      exceptions,
      [
        'exceptions:',
        '  - id: debug-pod',
        '    check: container-privileged',
        '    selector: {namespace: shop, kind: Pod, name: "deb*"}',
        '    justification: Break-glass pod approved by the client for the migration window.',
        '    expires: 2999-01-01',
        '  - id: stale',
        '    check: container-privileged',
        '    selector: {namespace: legacy}',
        '    justification: Old waiver.',
        '    expires: 2020-01-01',
      ].join('\n'),
    );
    const run = await kubeassay(
      [
        'scan',
        '-',
        '--format',
        'json',
        '--check',
        'container-privileged',
        '--exceptions',
        exceptions,
        '--fail-on',
        'low',
      ],
      privilegedPod,
    );
    const output = JSON.parse(run.stdout) as JsonOutput & { exceptions: { id: string; state: string }[] };
    expect(output.findings.map((finding) => finding.status)).toEqual(['accepted']);
    expect(output.exceptions).toEqual([
      expect.objectContaining({ id: 'debug-pod', state: 'applied' }),
      expect.objectContaining({ id: 'stale', state: 'expired' }),
    ]);
    expect(run.code).toBe(0);
  });

  it('rejects an exceptions file without justification', async () => {
    const exceptions = join(tempDir(), 'exceptions.yaml');
    writeFileSync(exceptions, 'exceptions:\n  - check: container-privileged\n    selector: {}\n');
    const run = await kubeassay(['scan', 'examples/', '--exceptions', exceptions]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('justification');
  });
});
