import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { secretInEnvVar } from './secret-in-env-var';

const pod = (container: string, init = '{name: setup, image: busybox}') => `
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop}
spec:
  initContainers:
    - ${init}
  containers:
    - name: app
      image: shop:1.0
      ${container}
`;

describe('secret-in-env-var', () => {
  it('reports a Secret key read into an env var, naming the Secret but not its value', () => {
    const { findings, result } = runCheck(
      secretInEnvVar,
      pod('env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        container: 'app',
        resource: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'api' },
        message: 'Container app reads key password of Secret db into env var DB_PASSWORD',
        evidence: {
          path: 'spec.containers[0].env[0].valueFrom.secretKeyRef',
          value: { name: 'db', key: 'password' },
        },
      }),
    ]);
  });

  it('reports a whole Secret loaded with envFrom, in init containers too', () => {
    const { findings } = runCheck(
      secretInEnvVar,
      pod(
        'envFrom: [{configMapRef: {name: settings}}, {secretRef: {name: api-keys}}]',
        '{name: setup, envFrom: [{secretRef: {name: bootstrap}}]}',
      ),
    );
    expect(findings.map((finding) => [finding.container, finding.evidence.path, finding.message])).toEqual([
      [
        'setup',
        'spec.initContainers[0].envFrom[0].secretRef',
        'Container setup loads every key of Secret bootstrap into env vars',
      ],
      [
        'app',
        'spec.containers[0].envFrom[1].secretRef',
        'Container app loads every key of Secret api-keys into env vars',
      ],
    ]);
  });

  it('passes literal values, ConfigMap references and field references', () => {
    const { findings, result } = runCheck(
      secretInEnvVar,
      pod(
        'env: [{name: MODE, value: prod}, {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}, ' +
          '{name: LEVEL, valueFrom: {configMapKeyRef: {name: settings, key: level}}}]',
      ),
    );
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('still reports a malformed Secret reference, and ignores malformed lists', () => {
    const { findings } = runCheck(
      secretInEnvVar,
      pod('env: [{valueFrom: {secretKeyRef: db}}, 7]\n      envFrom: oops'),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        message: 'Container app reads key ? of Secret ? into env var env[0]',
        evidence: { path: 'spec.containers[0].env[0].valueFrom.secretKeyRef', value: 'db' },
      }),
    ]);
  });
});
