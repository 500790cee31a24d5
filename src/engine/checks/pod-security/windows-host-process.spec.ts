import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { windowsHostProcess } from './windows-host-process';

const daemonSet = (spec: object) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'ops' },
    spec: { template: { spec: { os: { name: 'windows' }, ...spec } } },
  });

const hostProcess = (value: unknown) => ({ windowsOptions: { hostProcess: value } });

describe('windows-host-process', () => {
  it('reports a pod-level HostProcess setting once, without a container', () => {
    const { findings, result } = runCheck(
      windowsHostProcess,
      daemonSet({ securityContext: hostProcess(true), hostNetwork: true, containers: [{ name: 'agent' }] }),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'DaemonSet', namespace: 'ops', name: 'agent' },
      message: 'The pod runs all its containers as Windows HostProcess containers',
      evidence: { path: 'spec.template.spec.securityContext.windowsOptions.hostProcess', value: true },
    });
  });

  it('reports each container that requests HostProcess, init containers included', () => {
    const { findings } = runCheck(
      windowsHostProcess,
      daemonSet({
        initContainers: [{ name: 'setup', securityContext: hostProcess('true') }],
        containers: [
          { name: 'agent', securityContext: hostProcess(true) },
          { name: 'log', securityContext: hostProcess(false) },
        ],
      }),
    );
    expect(findings.map((finding) => [finding.container, finding.evidence.path])).toEqual([
      ['setup', 'spec.template.spec.initContainers[0].securityContext.windowsOptions.hostProcess'],
      ['agent', 'spec.template.spec.containers[0].securityContext.windowsOptions.hostProcess'],
    ]);
  });

  it('passes false, unset and malformed windowsOptions', () => {
    for (const securityContext of [hostProcess(false), {}, { windowsOptions: 'hostProcess' }]) {
      expect(
        runCheck(windowsHostProcess, daemonSet({ securityContext, containers: [{ name: 'agent' }] })).result
          .status,
      ).toBe(CheckStatus.Passed);
    }
  });
});
