import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { imagePullPolicyNotAlways } from './image-pull-policy-not-always';

const DIGEST = `sha256:${'0a'.repeat(32)}`;

const deployment = (image: string, policy = '') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
        - name: app
          image: "${image}"
          ${policy}
`;

describe('image-pull-policy-not-always', () => {
  it('reports an explicit IfNotPresent with the value as evidence', () => {
    const { findings, result } = runCheck(
      imagePullPolicyNotAlways,
      deployment('nginx:1.25', 'imagePullPolicy: IfNotPresent'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      message: 'Container app pulls its image with policy IfNotPresent',
      evidence: { path: 'spec.template.spec.containers[0].imagePullPolicy', value: 'IfNotPresent' },
    });
  });

  it('reports a tagged image without a policy, which defaults to IfNotPresent', () => {
    const { findings } = runCheck(imagePullPolicyNotAlways, deployment('nginx:1.25'));
    expect(findings[0]).toMatchObject({
      message: 'Container app sets no imagePullPolicy, so nginx:1.25 defaults to IfNotPresent',
      evidence: { path: 'spec.template.spec.containers[0].imagePullPolicy' },
    });
    expect(findings[0]!.evidence).not.toHaveProperty('value');
  });

  it('asks for an explicit policy on untagged images too, whose default flips when a tag is pinned', () => {
    const { findings } = runCheck(imagePullPolicyNotAlways, deployment('nginx'));
    expect(findings[0]).toMatchObject({
      message:
        'Container app sets no imagePullPolicy, so its default for nginx becomes IfNotPresent once a tag is pinned',
      evidence: { path: 'spec.template.spec.containers[0].imagePullPolicy' },
    });
    const never = runCheck(imagePullPolicyNotAlways, deployment('nginx:latest', 'imagePullPolicy: Never'));
    expect(never.findings).toHaveLength(1);
  });

  it('passes Always, and digest-pinned images whatever their policy or its absence', () => {
    expect(
      runCheck(imagePullPolicyNotAlways, deployment('nginx:1.25', 'imagePullPolicy: Always')).result.status,
    ).toBe(CheckStatus.Passed);
    expect(
      runCheck(imagePullPolicyNotAlways, deployment(`nginx:1.25@${DIGEST}`, 'imagePullPolicy: IfNotPresent'))
        .findings,
    ).toEqual([]);
    expect(runCheck(imagePullPolicyNotAlways, deployment(`nginx@${DIGEST}`)).findings).toEqual([]);
  });

  it('reports a malformed policy with its value', () => {
    const { findings } = runCheck(
      imagePullPolicyNotAlways,
      deployment('nginx:1.25', 'imagePullPolicy: [Always]'),
    );
    expect(findings[0]).toMatchObject({
      message: 'Container app pulls its image with policy ["Always"]',
      evidence: { value: ['Always'] },
    });
  });
});
