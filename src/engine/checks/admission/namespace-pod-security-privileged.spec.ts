import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { namespacePodSecurityPrivileged } from './namespace-pod-security-privileged';

const namespace = (name: string, level?: string) => `
apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels: ${level === undefined ? '{}' : `{pod-security.kubernetes.io/enforce: ${level}}`}
`;

describe('namespace-pod-security-privileged', () => {
  it('reports a namespace enforcing the privileged level, with the label as evidence', () => {
    const { findings, result } = runCheck(namespacePodSecurityPrivileged, namespace('build', 'privileged'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({ kind: 'Namespace', name: 'build' }) as unknown,
        evidence: { path: 'metadata.labels["pod-security.kubernetes.io/enforce"]', value: 'privileged' },
        message: 'Namespace build enforces the privileged Pod Security level: any pod is admitted',
        source: { file: 'test.yaml', line: 6 },
      }),
    ]);
  });

  it('passes baseline, restricted and unlabelled namespaces (the last is another check)', () => {
    const manifests = [namespace('a', 'baseline'), namespace('b', 'restricted'), namespace('c')].join(
      '---\n',
    );
    const { findings, result } = runCheck(namespacePodSecurityPrivileged, manifests);
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('leaves kube-system, which runs the node agents, alone', () => {
    const { findings } = runCheck(namespacePodSecurityPrivileged, namespace('kube-system', 'privileged'));
    expect(findings).toEqual([]);
  });

  it('does not match the level case-insensitively: the API server rejects anything but the exact value', () => {
    const { findings } = runCheck(namespacePodSecurityPrivileged, namespace('build', 'Privileged'));
    expect(findings).toEqual([]);
  });
});
