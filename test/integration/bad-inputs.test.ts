import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeassay } from '../support/cli';

const goodPod = `apiVersion: v1
kind: Pod
metadata: {name: good, namespace: shop}
spec:
  containers:
    - {name: app, image: nginx:1.25, securityContext: {privileged: true}}
`;

function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const current = String.fromCharCode(97 + level);
    lines.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\nkind: ConfigMap\nmetadata: {name: bomb}\n`;
}

describe('a directory of hostile and broken files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeassay-bad-'));
  writeFileSync(join(dir, 'good.yaml'), goodPod);
  writeFileSync(
    join(dir, 'malformed.yaml'),
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  - b\nspec: {}\n',
  );
  writeFileSync(
    join(dir, 'binary.yaml'),
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff]),
  );
  writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(2048)}\n${goodPod}`);
  writeFileSync(join(dir, 'bomb.yaml'), aliasBomb());
  writeFileSync(
    join(dir, 'mixed.yaml'),
    `${goodPod.replace('good', 'second')}---\njust a string\n---\nmetadata: {name: kindless}\n`,
  );

  it('scans the good files and reports every bad one with its file', async () => {
    const run = await kubeassay([
      'scan',
      dir,
      '--format',
      'json',
      '--check',
      'container-privileged',
      '--max-file-size',
      '1024',
    ]);
    const output = JSON.parse(run.stdout) as {
      findings: { resource: { name: string } }[];
      inputErrors: { code: string; file: string; line?: number }[];
    };
    expect(output.findings.map((finding) => finding.resource.name).sort()).toEqual(['good', 'second']);
    const errors = output.inputErrors.map((error) => [
      error.file.slice(dir.length + 1),
      error.code,
      error.line,
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['binary.yaml', 'BINARY_FILE', undefined],
        ['bomb.yaml', 'TOO_MANY_ALIASES', 1],
        ['huge.yaml', 'FILE_TOO_LARGE', undefined],
        ['malformed.yaml', 'MALFORMED_YAML', 5],
        ['mixed.yaml', 'NOT_A_KUBERNETES_OBJECT', 8],
        ['mixed.yaml', 'NOT_A_KUBERNETES_OBJECT', 10],
      ]),
    );
    expect(errors).toHaveLength(6);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bomb.yaml:1: TOO_MANY_ALIASES');
  });
});
