import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { sandboxRuntimeClassMissing } from './sandbox-runtime-class-missing';

const node = 'apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\n';
const runtimeClass = (name: string, handler: string) =>
  `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: ${name}}\nhandler: ${handler}\n`;

describe('sandbox-runtime-class-missing', () => {
  it('reports a cluster whose nodes offer no sandboxed runtime', () => {
    const { findings, result } = runCheck(
      sandboxRuntimeClassMissing,
      `${node}---\n${runtimeClass('nvidia', 'nvidia')}`,
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'v1', kind: 'Cluster', name: 'cluster' },
        severity: 'low',
        message: 'No RuntimeClass uses a sandboxed handler (gVisor runsc, Kata Containers)',
      }),
    ]);
  });

  it.each([
    ['gVisor', runtimeClass('gvisor', 'runsc')],
    ['GKE Sandbox', runtimeClass('gvisor', 'gvisor')],
    ['Kata Containers', runtimeClass('kata', 'kata-qemu')],
    [
      'a v1alpha1 RuntimeClass',
      'apiVersion: node.k8s.io/v1alpha1\nkind: RuntimeClass\nmetadata: {name: kata}\nspec: {runtimeHandler: kata-clh}\n',
    ],
  ])('passes with %s', (_what, manifest) => {
    const { findings, result } = runCheck(sandboxRuntimeClassMissing, `${node}---\n${manifest}`);
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('does not take a RuntimeClass name for its handler', () => {
    expect(runCheck(sandboxRuntimeClassMissing, runtimeClass('gvisor', 'runc')).findings).toHaveLength(1);
  });

  it('is not evaluated on manifests with neither RuntimeClasses nor Nodes', () => {
    const { result } = runCheck(
      sandboxRuntimeClassMissing,
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
    );
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason: 'neither RuntimeClasses nor Nodes are in the inventory',
    });
  });

  it('is not evaluated when RuntimeClasses could not be read', () => {
    const { result } = runCheck(sandboxRuntimeClassMissing, node, {
      coverageGaps: [{ kind: 'RuntimeClass', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
