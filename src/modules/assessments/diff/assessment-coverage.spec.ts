import { CheckStatus } from '../../../engine/check-result';
import { coverageOf } from './assessment-coverage';

const result = (check: string, status: CheckStatus) => ({
  check,
  status,
  evaluated: 1,
  findings: 0,
  accepted: 0,
  exempted: 0,
});

describe('coverageOf', () => {
  it('counts a check as evaluated when it reached a verdict, and lists unreadable kinds and namespaces', () => {
    const coverage = coverageOf({
      checkResults: [
        result('host-network', CheckStatus.Failed),
        result('host-pid', CheckStatus.Passed),
        result('pdb-missing', CheckStatus.NotApplicable),
        result('rbac-binding-grants-cluster-admin', CheckStatus.NotEvaluated),
      ],
      coverageGaps: [{ kind: 'RoleBinding', reason: '403 Forbidden' }],
      profile: { namespaces: ['shop'] },
    });
    expect(coverage).toEqual({
      evaluatedChecks: ['host-network', 'host-pid', 'pdb-missing'],
      unreadableKinds: ['RoleBinding'],
      namespaces: ['shop'],
    });
  });

  it('judges nothing without check results, and every namespace without a profile list', () => {
    expect(coverageOf({ checkResults: null, coverageGaps: [], profile: {} })).toEqual({
      evaluatedChecks: [],
      unreadableKinds: [],
      namespaces: [],
    });
  });
});
