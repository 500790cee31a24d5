import { ExceptionSet, exceptionListSchema, ExceptionState } from './exceptions';
import type { KubeObject } from './kube-types';

const now = new Date('2026-11-27T12:00:00Z');
const pod = (namespace: string, name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace, name, labels },
});

function exceptionsOf(document: unknown): ExceptionSet {
  return new ExceptionSet(exceptionListSchema.parse(document).exceptions, now);
}

describe('ExceptionSet', () => {
  it('matches by check, kind, namespace and name globs, labels and container', () => {
    const set = exceptionsOf({
      exceptions: [
        {
          id: 'agents',
          check: 'host-network',
          selector: {
            namespace: 'mon*',
            kind: 'Pod',
            name: 'agent-*',
            labels: { tier: 'node' },
            container: 'agent',
          },
          justification: 'Node agents need the host network.',
        },
      ],
    });
    expect(set.match('host-network', pod('monitoring', 'agent-1', { tier: 'node' }), 'agent')).toMatchObject({
      id: 'agents',
    });
    expect(
      set.match('host-network', pod('monitoring', 'agent-1', { tier: 'node' }), 'sidecar'),
    ).toBeUndefined();
    expect(set.match('host-network', pod('monitoring', 'agent-1'), 'agent')).toBeUndefined();
    expect(set.match('host-network', pod('shop', 'agent-1', { tier: 'node' }), 'agent')).toBeUndefined();
    expect(set.match('host-pid', pod('monitoring', 'agent-1', { tier: 'node' }), 'agent')).toBeUndefined();
  });

  it('stops applying expired exceptions and reports applied, unused and expired ones', () => {
    const set = exceptionsOf({
      exceptions: [
        { id: 'current', check: 'c', justification: 'j', expires: '2027-01-01' },
        { id: 'expired', check: 'c', justification: 'j', expires: '2026-11-01' },
        { id: 'unused', check: 'other', justification: 'j' },
      ],
    });
    expect(set.match('c', pod('a', 'b'), undefined)?.id).toBe('current');
    expect(set.report().map((report) => [report.id, report.state, report.matched])).toEqual([
      ['current', ExceptionState.Applied, 1],
      ['expired', ExceptionState.Expired, 0],
      ['unused', ExceptionState.Unused, 0],
    ]);
  });

  it('rejects exceptions without justification, with unknown fields or unparseable dates', () => {
    expect(exceptionListSchema.safeParse({ exceptions: [{ check: 'c', justification: ' ' }] }).success).toBe(
      false,
    );
    expect(
      exceptionListSchema.safeParse({ exceptions: [{ check: 'c', justification: 'j', scope: 'x' }] }).success,
    ).toBe(false);
    expect(
      exceptionListSchema.safeParse({ exceptions: [{ check: 'c', justification: 'j', expires: 'soon' }] })
        .success,
    ).toBe(false);
  });
});
