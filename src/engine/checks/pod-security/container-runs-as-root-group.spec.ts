import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { containerRunsAsRootGroup } from './container-runs-as-root-group';

const deployment = (podSpec: object) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { template: { spec: podSpec } },
  });

describe('container-runs-as-root-group', () => {
  it('reports runAsGroup 0 set on the container', () => {
    const { findings, result } = runCheck(
      containerRunsAsRootGroup,
      deployment({ containers: [{ name: 'app', securityContext: { runAsGroup: 0 } }] }),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      container: 'app',
      message: 'Container app runs with GID 0 (root) as its primary group',
      evidence: { path: 'spec.template.spec.containers[0].securityContext.runAsGroup', value: 0 },
    });
  });

  it('reports pod-level runAsGroup, fsGroup and supplementalGroups for each container', () => {
    const { findings } = runCheck(
      containerRunsAsRootGroup,
      deployment({
        securityContext: { runAsGroup: 0, fsGroup: 0, supplementalGroups: [2000, 0] },
        initContainers: [{ name: 'setup' }],
        containers: [{ name: 'app' }],
      }),
    );
    expect(
      findings.filter((finding) => finding.container === 'app').map((finding) => finding.evidence),
    ).toEqual([
      { path: 'spec.template.spec.securityContext.runAsGroup', value: 0 },
      { path: 'spec.template.spec.securityContext.fsGroup', value: 0 },
      { path: 'spec.template.spec.securityContext.supplementalGroups[1]', value: 0 },
    ]);
    expect(findings).toHaveLength(6);
  });

  it('lets a container runAsGroup override a root pod runAsGroup', () => {
    const { result } = runCheck(
      containerRunsAsRootGroup,
      deployment({
        securityContext: { runAsGroup: 0 },
        containers: [{ name: 'app', securityContext: { runAsGroup: 3000 } }],
      }),
    );
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('reads a scalar supplementalGroups and a quoted "0" as root', () => {
    const { findings } = runCheck(
      containerRunsAsRootGroup,
      deployment({ securityContext: { supplementalGroups: 0, fsGroup: '0' }, containers: [{ name: 'app' }] }),
    );
    expect(findings.map((finding) => finding.evidence.path)).toEqual([
      'spec.template.spec.securityContext.fsGroup',
      'spec.template.spec.securityContext.supplementalGroups',
    ]);
  });

  it('passes when no group is root or none is set', () => {
    for (const securityContext of [{}, { runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000] }]) {
      expect(
        runCheck(containerRunsAsRootGroup, deployment({ securityContext, containers: [{ name: 'app' }] }))
          .result.status,
      ).toBe(CheckStatus.Passed);
    }
  });
});
