import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { nodeOsImageEndOfLife } from './node-os-image-end-of-life';

const node = (osImage: string) =>
  `apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\nstatus:\n  nodeInfo: {osImage: "${osImage}"}\n`;

const messages = (osImage: string) =>
  runCheck(nodeOsImageEndOfLife, node(osImage)).findings.map((finding) => finding.message);

describe('node-os-image-end-of-life', () => {
  it('reports a node on an end-of-life distribution, with the image as evidence', () => {
    const { findings, result } = runCheck(nodeOsImageEndOfLife, node('Ubuntu 18.04.6 LTS'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({ kind: 'Node', name: 'worker-1' }) as unknown,
        evidence: { path: 'status.nodeInfo.osImage', value: 'Ubuntu 18.04.6 LTS' },
        message:
          'Node worker-1 runs Ubuntu 18.04.6 LTS: Ubuntu 18.04 LTS standard support ended on 2023-05-31',
      }),
    ]);
  });

  it.each([
    ['CentOS Linux 7 (Core)', 'CentOS Linux 7 updates ended on 2024-06-30'],
    ['Debian GNU/Linux 10 (buster)', 'Debian 10 LTS ended on 2024-06-30'],
    ['Debian GNU/Linux 11 (bullseye)', 'Debian 11 LTS ended on 2026-08-31'],
    [
      'Red Hat Enterprise Linux Server 7.9 (Maipo)',
      'Red Hat Enterprise Linux 7 maintenance support ended on 2024-06-30',
    ],
    ['Amazon Linux 2', 'Amazon Linux 2 support ended on 2026-06-30'],
    ['Ubuntu 20.04.6 LTS', 'Ubuntu 20.04 LTS standard support ended on 2025-05-31'],
  ])('reports %s', (image, expected) => {
    expect(messages(image)).toEqual([expect.stringContaining(expected) as string]);
  });

  it.each([
    'Ubuntu 22.04.5 LTS',
    'Ubuntu 24.04.1 LTS',
    'Amazon Linux 2023.6.20241212',
    'Debian GNU/Linux 12 (bookworm)',
    'Red Hat Enterprise Linux 8.10 (Ootpa)',
    'Red Hat Enterprise Linux CoreOS 416.94.202410211619-0',
    'Bottlerocket OS 1.26.2 (aws-k8s-1.31)',
    'Container-Optimized OS from Google',
    'Windows Server 2022 Datacenter',
  ])('passes %s', (image) => {
    expect(messages(image)).toEqual([]);
  });

  it('is not evaluated without Nodes', () => {
    expect(
      runCheck(nodeOsImageEndOfLife, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n').result.status,
    ).toBe(CheckStatus.NotEvaluated);
  });
});
