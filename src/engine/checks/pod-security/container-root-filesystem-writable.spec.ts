import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { containerRootFilesystemWritable } from './container-root-filesystem-writable';

const pod = (spec: object) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec });

describe('container-root-filesystem-writable', () => {
  it('reports containers without readOnlyRootFilesystem: true, and with an explicit false', () => {
    const { findings, result } = runCheck(
      containerRootFilesystemWritable,
      pod({
        containers: [
          { name: 'app' },
          { name: 'sidecar', securityContext: { readOnlyRootFilesystem: false } },
        ],
      }),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings.map((finding) => [finding.container, finding.message, finding.evidence])).toEqual([
      [
        'app',
        'Container app does not set readOnlyRootFilesystem: true',
        { path: 'spec.containers[0].securityContext.readOnlyRootFilesystem' },
      ],
      [
        'sidecar',
        'Container sidecar has a writable root filesystem',
        { path: 'spec.containers[1].securityContext.readOnlyRootFilesystem', value: false },
      ],
    ]);
  });

  it('ignores a pod-level value: the setting exists only on containers', () => {
    const { findings } = runCheck(
      containerRootFilesystemWritable,
      pod({ securityContext: { readOnlyRootFilesystem: true }, containers: [{ name: 'app' }] }),
    );
    expect(findings).toHaveLength(1);
  });

  it('does not accept a quoted "true"', () => {
    const { findings } = runCheck(
      containerRootFilesystemWritable,
      pod({ containers: [{ name: 'app', securityContext: { readOnlyRootFilesystem: 'true' } }] }),
    );
    expect(findings[0]!.evidence.value).toBe('true');
  });

  it('passes read-only containers, including init containers, and skips Windows pods', () => {
    const readOnly = { securityContext: { readOnlyRootFilesystem: true } };
    expect(
      runCheck(
        containerRootFilesystemWritable,
        pod({ initContainers: [{ name: 'setup', ...readOnly }], containers: [{ name: 'app', ...readOnly }] }),
      ).result.status,
    ).toBe(CheckStatus.Passed);
    expect(
      runCheck(
        containerRootFilesystemWritable,
        pod({ os: { name: 'windows' }, containers: [{ name: 'app' }] }),
      ).findings,
    ).toEqual([]);
  });
});
