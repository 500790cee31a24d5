import { ErrorCode } from '../../../common/errors/error-code';
import { KUBECONFIG_MAX_BYTES, parseKubeconfigYaml } from './parse-kubeconfig-yaml';

function failureOf(text: string) {
  try {
    parseKubeconfigYaml(text);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('the text was accepted');
}

describe('parseKubeconfigYaml', () => {
  it('reads YAML 1.1 as kubectl does: yes is true and merge keys apply', () => {
    const text = 'kind: Config\nbase: &base {a: yes}\nusers:\n  - name: u\n    user: {<<: *base, b: 1}\n';
    expect(parseKubeconfigYaml(text)).toMatchObject({ users: [{ name: 'u', user: { a: true, b: 1 } }] });
  });

  it('reads JSON, which is YAML', () => {
    expect(parseKubeconfigYaml('{"kind": "Config", "current-context": "x"}')).toEqual({
      kind: 'Config',
      'current-context': 'x',
    });
  });

  it('reports a syntax error by line without quoting the line, which may hold a credential', () => {
    const error = failureOf('kind: Config\nusers:\n  - user: {token: "secret-in-a-broken-line\n');
    expect(error.code).toBe(ErrorCode.ClusterKubeconfigMalformed);
    expect(error.message).toMatch(/line \d+/);
    expect(error.message).not.toContain('secret-in-a-broken-line');
  });

  it('accepts exactly the size limit and refuses one byte more', () => {
    const header = 'kind: Config\n# ';
    const exact = `${header}${'x'.repeat(KUBECONFIG_MAX_BYTES - header.length - 1)}\n`;
    expect(Buffer.byteLength(exact)).toBe(KUBECONFIG_MAX_BYTES);
    expect(parseKubeconfigYaml(exact)).toEqual({ kind: 'Config' });
    expect(failureOf(`${exact} `).code).toBe(ErrorCode.BodyTooLarge);
  });

  it('refuses deep block nesting as well as deep flow nesting', () => {
    const block = Array.from({ length: 80 }, (_, depth) => `${'  '.repeat(depth)}k${depth}:`).join('\n');
    expect(failureOf(`kind: Config\n${block} x\n`)).toMatchObject({
      code: ErrorCode.ClusterKubeconfigMalformed,
      message: expect.stringContaining('deeper') as unknown,
    });
    expect(failureOf(`kind: Config\nx: ${'{a: '.repeat(70)}1${'}'.repeat(70)}\n`).message).toContain(
      'deeper',
    );
  });

  it('refuses an empty document and a scalar', () => {
    expect(failureOf('').code).toBe(ErrorCode.ClusterKubeconfigMalformed);
    expect(failureOf('just text').code).toBe(ErrorCode.ClusterKubeconfigMalformed);
  });
});
