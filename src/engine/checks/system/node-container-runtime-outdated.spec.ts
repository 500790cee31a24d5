import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { nodeContainerRuntimeOutdated } from './node-container-runtime-outdated';

const node = (runtime: string) =>
  `apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\nstatus:\n  nodeInfo: {containerRuntimeVersion: "${runtime}"}\n`;

const messages = (runtime: string) =>
  runCheck(nodeContainerRuntimeOutdated, node(runtime)).findings.map((finding) => finding.message);

describe('node-container-runtime-outdated', () => {
  it('reports Docker Engine, with the runtime as evidence', () => {
    const { findings, result } = runCheck(nodeContainerRuntimeOutdated, node('docker://20.10.25'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        evidence: { path: 'status.nodeInfo.containerRuntimeVersion', value: 'docker://20.10.25' },
        message: expect.stringContaining(
          'Node worker-1 runs docker://20.10.25: Docker Engine is run through dockershim',
        ) as string,
      }),
    ]);
  });

  it('reports containerd releases past end of life', () => {
    expect(messages('containerd://1.6.36')).toEqual([
      'Node worker-1 runs containerd://1.6.36: containerd 1.6 reached end of life on 2025-07-23',
    ]);
    expect(messages('containerd://1.7.27-1')).toEqual([
      expect.stringContaining('containerd 1.7 reached end of life on 2026-03-10') as string,
    ]);
    expect(messages('containerd://1.4.13')).toEqual([
      expect.stringContaining('reached end of life before 2023-02-28') as string,
    ]);
  });

  it('reports CRI-O whose Kubernetes minor is past end of life', () => {
    expect(messages('cri-o://1.30.4')).toEqual([
      expect.stringContaining('CRI-O 1.30 reached end of life with Kubernetes 1.30 (2025-06-28)') as string,
    ]);
  });

  it('passes supported releases and does not judge releases the data does not date', () => {
    expect(messages('cri-o://1.35.1')).toEqual([]);
    expect(messages('containerd://2.1.4')).toEqual([]);
    expect(messages('containerd://2.3.0')).toEqual([]);
  });

  it('ignores unknown runtimes and malformed versions', () => {
    expect(messages('remote://1.0')).toEqual([]);
    expect(messages('containerd://dev')).toEqual([]);
    expect(messages('containerd')).toEqual([]);
  });

  it('is not evaluated without Nodes', () => {
    expect(
      runCheck(nodeContainerRuntimeOutdated, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n').result
        .status,
    ).toBe(CheckStatus.NotEvaluated);
  });
});
