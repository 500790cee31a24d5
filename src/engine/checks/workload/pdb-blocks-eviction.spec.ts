import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { pdbBlocksEviction } from './pdb-blocks-eviction';

const pdb = (spec: string) => `
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec: ${spec}
`;

describe('pdb-blocks-eviction', () => {
  it('reports minAvailable of 100%', () => {
    const { findings, result } = runCheck(pdbBlocksEviction, pdb('{minAvailable: "100%", selector: {}}'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'PodDisruptionBudget', namespace: 'shop', name: 'web' },
      message: 'PodDisruptionBudget web keeps 100% of its pods available, so none can be evicted',
      evidence: { path: 'spec.minAvailable', value: '100%' },
    });
  });

  it.each(['0', '"0%"'])('reports maxUnavailable %s', (value) => {
    const { findings } = runCheck(pdbBlocksEviction, pdb(`{maxUnavailable: ${value}}`));
    expect(findings[0]).toMatchObject({ evidence: { path: 'spec.maxUnavailable' } });
  });

  it('passes budgets that allow a disruption, and an empty one', () => {
    for (const spec of [
      '{minAvailable: 5}',
      '{minAvailable: "90%"}',
      '{maxUnavailable: 1}',
      '{maxUnavailable: "10%"}',
      '{}',
    ]) {
      expect(runCheck(pdbBlocksEviction, pdb(spec)).findings).toEqual([]);
    }
  });

  it('ignores malformed bounds, which the API server rejects', () => {
    expect(runCheck(pdbBlocksEviction, pdb('{minAvailable: all, maxUnavailable: "0"}')).findings).toEqual([]);
  });
});
