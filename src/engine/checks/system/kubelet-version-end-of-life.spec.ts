import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { kubeletVersionEndOfLife } from './kubelet-version-end-of-life';

const node = (name: string, kubeletVersion: unknown) =>
  `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\nstatus:\n  nodeInfo: {kubeletVersion: ${JSON.stringify(kubeletVersion)}}\n`;

describe('kubelet-version-end-of-life', () => {
  it('reports a kubelet past end of life, with its version as evidence', () => {
    const { findings, result } = runCheck(kubeletVersionEndOfLife, node('worker-1', 'v1.30.14'), {
      clusterVersion: 'v1.31.0',
    });
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({ kind: 'Node', name: 'worker-1' }) as unknown,
        layer: 'system',
        evidence: { path: 'status.nodeInfo.kubeletVersion', value: 'v1.30.14' },
        message: 'Node worker-1 runs kubelet v1.30.14, past upstream end of life (2025-06-28)',
      }),
    ]);
  });

  it('reports a supported kubelet lagging more minors behind the API server than the skew policy allows', () => {
    const { findings } = runCheck(kubeletVersionEndOfLife, node('worker-1', 'v1.35.2'), {
      clusterVersion: 'v1.39.0',
    });
    expect(findings.map((finding) => finding.message)).toEqual([
      'Node worker-1 runs kubelet v1.35.2, 4 minors behind Kubernetes 1.39 (from the API server); at most 3 are supported',
    ]);
  });

  it('gives an end-of-life kubelet that also lags too far two findings with distinct fingerprints', () => {
    const { findings } = runCheck(kubeletVersionEndOfLife, node('old', 'v1.31.0'), {
      clusterVersion: 'v1.35.0',
    });
    expect(findings).toHaveLength(2);
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(2);
  });

  it('measures skew against the newest kubelet when the API server version is unknown', () => {
    const manifests = `${node('new', 'v1.39.1')}---\n${node('old', 'v1.35.0')}`;
    expect(
      runCheck(kubeletVersionEndOfLife, manifests).findings.map((finding) => finding.resource.name),
    ).toEqual(['old']);
  });

  it('passes supported kubelets within the skew', () => {
    const { findings, result } = runCheck(
      kubeletVersionEndOfLife,
      `${node('a', 'v1.35.0')}---\n${node('b', 'v1.36.1')}`,
      {
        clusterVersion: 'v1.36.1',
      },
    );
    expect(findings).toEqual([]);
    expect(result).toMatchObject({ status: CheckStatus.Passed, evaluated: 2 });
  });

  it('skips nodes without status or with a malformed version', () => {
    const manifests = `apiVersion: v1\nkind: Node\nmetadata: {name: bare}\n---\n${node('odd', 129)}`;
    expect(runCheck(kubeletVersionEndOfLife, manifests).findings).toEqual([]);
  });

  it('is not evaluated without Nodes', () => {
    const { result } = runCheck(
      kubeletVersionEndOfLife,
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    );
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason: 'no Node objects in the inventory (plain manifests carry no node status)',
    });
  });
});
