import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { containerMayRunAsRoot } from './container-may-run-as-root';

const deployment = (podSpec: object) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { template: { spec: podSpec } },
  });

const app = (securityContext?: object) => ({ name: 'app', image: 'nginx:1.25', securityContext });

describe('container-may-run-as-root', () => {
  it('reports a container that leaves the user to the image', () => {
    const { findings, result } = runCheck(containerMayRunAsRoot, deployment({ containers: [app()] }));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Deployment', name: 'web' },
      evidence: { path: 'spec.template.spec.containers[0].securityContext.runAsNonRoot' },
    });
    expect(findings[0]!.message).toContain('sets neither runAsNonRoot: true nor a non-zero runAsUser');
  });

  it('passes runAsNonRoot or a non-zero runAsUser set on the pod or the container', () => {
    for (const spec of [
      { securityContext: { runAsNonRoot: true }, containers: [app()] },
      { securityContext: { runAsUser: 1000 }, containers: [app()] },
      { containers: [app({ runAsNonRoot: true })] },
      { securityContext: { runAsNonRoot: false }, containers: [app({ runAsUser: 10001 })] },
    ]) {
      expect(runCheck(containerMayRunAsRoot, deployment(spec)).result.status).toBe(CheckStatus.Passed);
    }
  });

  it('reports runAsUser 0 on the container even when the pod requires non-root', () => {
    const { findings } = runCheck(
      containerMayRunAsRoot,
      deployment({ securityContext: { runAsNonRoot: true }, containers: [app({ runAsUser: 0 })] }),
    );
    expect(findings[0]).toMatchObject({
      message: 'Container app runs as UID 0 (root)',
      evidence: { path: 'spec.template.spec.containers[0].securityContext.runAsUser', value: 0 },
    });
  });

  it('reports a root UID inherited from the pod with the pod-level evidence', () => {
    const { findings } = runCheck(
      containerMayRunAsRoot,
      deployment({ securityContext: { runAsUser: 0 }, containers: [app({ runAsNonRoot: true })] }),
    );
    expect(findings[0]).toMatchObject({
      message: 'Container app runs as UID 0 (root) (set on the pod)',
      evidence: { path: 'spec.template.spec.securityContext.runAsUser', value: 0 },
    });
  });

  it('lets a container runAsNonRoot: false override the pod', () => {
    const { findings } = runCheck(
      containerMayRunAsRoot,
      deployment({ securityContext: { runAsNonRoot: true }, containers: [app({ runAsNonRoot: false })] }),
    );
    expect(findings[0]).toMatchObject({
      message: 'Container app does not require a non-root user',
      evidence: { path: 'spec.template.spec.containers[0].securityContext.runAsNonRoot', value: false },
    });
  });

  it('does not accept malformed values as proof of a non-root user', () => {
    const { findings } = runCheck(
      containerMayRunAsRoot,
      deployment({ containers: [app({ runAsUser: '1000', runAsNonRoot: 'true' })] }),
    );
    expect(findings).toHaveLength(1);
  });

  it('covers init containers and skips Windows pods', () => {
    const { findings } = runCheck(
      containerMayRunAsRoot,
      deployment({ initContainers: [{ name: 'setup' }], containers: [app({ runAsNonRoot: true })] }),
    );
    expect(findings.map((finding) => finding.container)).toEqual(['setup']);
    expect(
      runCheck(containerMayRunAsRoot, deployment({ os: { name: 'Windows' }, containers: [app()] })).findings,
    ).toEqual([]);
  });
});
