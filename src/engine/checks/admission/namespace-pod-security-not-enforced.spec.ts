import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { namespacePodSecurityNotEnforced } from './namespace-pod-security-not-enforced';

const namespace = (name: string, labels = '{}') => `
apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels: ${labels}
`;

describe('namespace-pod-security-not-enforced', () => {
  it('reports a namespace without the enforce label, pointing at where the label belongs', () => {
    const { findings, result } = runCheck(namespacePodSecurityNotEnforced, namespace('shop', '{team: web}'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Namespace', name: 'shop' },
      evidence: { path: 'metadata.labels["pod-security.kubernetes.io/enforce"]' },
      message: expect.stringContaining(
        'Namespace shop has no pod-security.kubernetes.io/enforce label',
      ) as string,
    });
    expect(findings[0]!.evidence).not.toHaveProperty('value');
  });

  it('reports a namespace without any labels', () => {
    const { findings } = runCheck(
      namespacePodSecurityNotEnforced,
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    );
    expect(findings.map((finding) => finding.resource.name)).toEqual(['shop']);
  });

  it('passes namespaces enforcing any Pod Security level (privileged is another check)', () => {
    const manifests = ['restricted', 'baseline', 'privileged']
      .map((level) => namespace(`ns-${level}`, `{pod-security.kubernetes.io/enforce: ${level}}`))
      .join('---\n');
    const { findings, result } = runCheck(namespacePodSecurityNotEnforced, manifests);
    expect(findings).toEqual([]);
    expect(result).toMatchObject({ status: CheckStatus.Passed, evaluated: 3 });
  });

  it('does not count warn or audit labels as enforcement', () => {
    const { findings } = runCheck(
      namespacePodSecurityNotEnforced,
      namespace(
        'shop',
        '{pod-security.kubernetes.io/warn: restricted, pod-security.kubernetes.io/audit: restricted}',
      ),
    );
    expect(findings).toHaveLength(1);
  });

  it('reports a value that is not a Pod Security level, with the value as evidence', () => {
    const { findings } = runCheck(
      namespacePodSecurityNotEnforced,
      namespace('shop', '{pod-security.kubernetes.io/enforce: strict}'),
    );
    expect(findings[0]).toMatchObject({
      evidence: { path: 'metadata.labels["pod-security.kubernetes.io/enforce"]', value: 'strict' },
      message: expect.stringContaining('not a Pod Security level') as string,
    });
  });

  it('leaves the platform namespaces alone', () => {
    const manifests = ['kube-system', 'kube-public', 'kube-node-lease']
      .map((name) => namespace(name))
      .join('---\n');
    const { findings, result } = runCheck(namespacePodSecurityNotEnforced, manifests);
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.NotApplicable);
  });

  it('is not evaluated when namespaces could not be read', () => {
    const { result } = runCheck(namespacePodSecurityNotEnforced, namespace('shop'), {
      coverageGaps: [{ kind: 'Namespace', reason: 'forbidden' }],
    });
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason: 'Namespace could not be read: forbidden',
    });
  });
});
