import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { nodeKernelOutdated, upstreamKernelVersion } from './node-kernel-outdated';

const node = (kernelVersion: string, operatingSystem = 'linux') =>
  `apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\nstatus:\n  nodeInfo: {kernelVersion: "${kernelVersion}", operatingSystem: ${operatingSystem}}\n`;

const messages = (kernelVersion: string) =>
  runCheck(nodeKernelOutdated, node(kernelVersion)).findings.map((finding) => finding.message);

describe('node-kernel-outdated', () => {
  it('reports a kernel open to Dirty Pipe on a maintained line, with the fixed version', () => {
    const { findings, result } = runCheck(nodeKernelOutdated, node('5.15.20'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({ kind: 'Node', name: 'worker-1' }) as unknown,
        evidence: { path: 'status.nodeInfo.kernelVersion', value: '5.15.20' },
        message:
          'Node worker-1 runs kernel 5.15.20, open to the container escape CVE-2022-0847 (Dirty Pipe; fixed in 5.15.25)',
      }),
    ]);
  });

  it('knows each fix boundary exactly', () => {
    expect(messages('5.10.101')).toEqual([expect.stringContaining('CVE-2022-0847') as string]);
    expect(messages('5.10.102')).toEqual([]);
    expect(messages('5.15.19').map((message) => /CVE-\d+-\d+/.exec(message)?.[0])).toEqual([
      'CVE-2022-0847',
      'CVE-2022-0492',
    ]);
    expect(messages('5.15.15-flatcar').map((message) => /CVE-\d+-\d+/.exec(message)?.[0])).toEqual([
      'CVE-2022-0847',
      'CVE-2022-0185',
      'CVE-2022-0492',
    ]);
  });

  it('reports a line no longer maintained, and lines that never got a fix', () => {
    expect(messages('5.4.300')).toEqual([
      'Node worker-1 runs kernel 5.4.300, whose 5.4 line reached end of life on 2025-12-31',
    ]);
    expect(messages('5.13.19')).toEqual([
      'Node worker-1 runs kernel 5.13.19, whose 5.13 line is not a longterm line and gets no more fixes',
      expect.stringContaining('CVE-2022-0847 (Dirty Pipe; its 5.13 line never got the fix)') as string,
      expect.stringContaining('CVE-2022-0185') as string,
      expect.stringContaining('CVE-2022-0492') as string,
    ]);
  });

  it('passes current kernels of maintained lines, including stable-tracking distributions', () => {
    for (const kernel of [
      '6.1.158',
      '6.6.100+',
      '5.10.240-238.955.amzn2.x86_64',
      '6.12.40-talos',
      '5.15.186.1-1.cm2',
    ]) {
      expect({ kernel, messages: messages(kernel) }).toEqual({ kernel, messages: [] });
    }
  });

  it('does not judge lines newer than the data knows', () => {
    expect(messages('6.19.3')).toEqual([]);
  });

  it('does not judge distribution kernels whose number hides backported fixes', () => {
    for (const kernel of [
      '5.15.0-1051-aws',
      '4.18.0-513.5.1.el8_9.x86_64',
      '5.14.21-150500.55.39-default',
      '5.10.0-26-cloud-amd64',
      '5.4.17-2136.326.6.el8uek.x86_64',
    ]) {
      expect({ kernel, messages: messages(kernel) }).toEqual({ kernel, messages: [] });
    }
    expect(upstreamKernelVersion('5.15.0-1051-aws')).toBeUndefined();
    expect(upstreamKernelVersion('6.1.66-91.160.amzn2023.x86_64')).toEqual({ major: 6, minor: 1, patch: 66 });
  });

  it('ignores Windows nodes and missing kernel versions', () => {
    expect(runCheck(nodeKernelOutdated, node('10.0.17763.5458', 'windows')).findings).toEqual([]);
    expect(
      runCheck(nodeKernelOutdated, 'apiVersion: v1\nkind: Node\nmetadata: {name: bare}\n').result.status,
    ).toBe(CheckStatus.Passed);
  });

  it('is not evaluated without Nodes', () => {
    expect(
      runCheck(nodeKernelOutdated, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n').result.status,
    ).toBe(CheckStatus.NotEvaluated);
  });
});
