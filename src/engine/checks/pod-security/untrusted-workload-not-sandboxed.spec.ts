import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { UNTRUSTED_LABEL, untrustedWorkloadNotSandboxed } from './untrusted-workload-not-sandboxed';

const marked = { [UNTRUSTED_LABEL]: 'true' };

interface DeploymentOptions {
  labels?: object;
  templateLabels?: object;
  runtimeClassName?: unknown;
  namespace?: string;
}

const deployment = ({
  labels = {},
  templateLabels = {},
  runtimeClassName,
  namespace = 'tenants',
}: DeploymentOptions) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'runner', namespace, labels },
  spec: {
    template: {
      metadata: { labels: templateLabels },
      spec: { runtimeClassName, containers: [{ name: 'runner' }] },
    },
  },
});

const runtimeClass = (name: string, handler: unknown) => ({
  apiVersion: 'node.k8s.io/v1',
  kind: 'RuntimeClass',
  metadata: { name },
  handler,
});

const namespace = (name: string, labels: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});

const scan = (...objects: object[]) => runCheck(untrustedWorkloadNotSandboxed, JSON.stringify(objects));

describe('untrusted-workload-not-sandboxed', () => {
  it('reports a marked workload on the default runtime', () => {
    const { findings, result } = scan(deployment({ templateLabels: marked }));
    expect(result).toMatchObject({ status: CheckStatus.Failed, evaluated: 1 });
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Deployment', namespace: 'tenants', name: 'runner' },
      message: "The untrusted workload runs on the node's default runtime, without a sandbox",
      evidence: { path: 'spec.template.spec.runtimeClassName' },
    });
  });

  it('finds the mark on the workload object or on its Namespace', () => {
    expect(scan(deployment({ labels: marked })).findings).toHaveLength(1);
    expect(scan(namespace('tenants', marked), deployment({})).findings).toHaveLength(1);
    expect(scan(namespace('tenants', { [UNTRUSTED_LABEL]: 'false' }), deployment({})).result.status).toBe(
      CheckStatus.NotApplicable,
    );
  });

  it('passes marked workloads on gVisor or Kata RuntimeClasses', () => {
    for (const handler of ['runsc', 'gvisor', 'kata', 'kata-qemu', 'kata-fc']) {
      const { result } = scan(
        runtimeClass('sandbox', handler),
        deployment({ labels: marked, runtimeClassName: 'sandbox' }),
      );
      expect(result.status).toBe(CheckStatus.Passed);
    }
  });

  it('reports a RuntimeClass whose handler is not a sandbox, or that does not exist', () => {
    const { findings } = scan(
      runtimeClass('fast', 'runc'),
      deployment({ labels: marked, runtimeClassName: 'fast' }),
      {
        ...deployment({ labels: marked, runtimeClassName: 'missing' }),
        metadata: { name: 'other', namespace: 'tenants', labels: marked },
      },
    );
    expect(findings.map((finding) => [finding.message, finding.evidence])).toEqual([
      [
        'The untrusted workload uses RuntimeClass fast, whose handler runc is not a sandbox',
        { path: 'spec.template.spec.runtimeClassName', value: 'fast' },
      ],
      [
        'The untrusted workload names RuntimeClass missing, which does not exist',
        { path: 'spec.template.spec.runtimeClassName', value: 'missing' },
      ],
    ]);
  });

  it('is not applicable when no workload is marked untrusted', () => {
    const { result } = scan(deployment({}));
    expect(result).toMatchObject({ status: CheckStatus.NotApplicable, evaluated: 0 });
  });

  it('is not evaluated when RuntimeClasses or Namespaces could not be read', () => {
    for (const kind of ['RuntimeClass', 'Namespace']) {
      const { result } = runCheck(
        untrustedWorkloadNotSandboxed,
        JSON.stringify([deployment({ labels: marked })]),
        {
          coverageGaps: [{ kind, reason: 'forbidden' }],
        },
      );
      expect(result).toMatchObject({
        status: CheckStatus.NotEvaluated,
        reason: `${kind} could not be read: forbidden`,
      });
    }
  });
});
