import { deploymentWorkload, workloadOf } from '../../../../../test/support/workload-factory';
import {
  isRootId,
  isSwitchedOn,
  isWindowsPod,
  podAnnotation,
  podMetadataPath,
  podSwitchViolation,
} from './pod';

describe('pod template helpers', () => {
  describe('podMetadataPath and podAnnotation', () => {
    it('points at the template metadata of controllers and at the metadata of bare pods', () => {
      expect(podMetadataPath(deploymentWorkload({ containers: [] }))).toBe('spec.template.metadata');
      const cronJob = workloadOf({
        kind: 'CronJob',
        spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
      });
      expect(podMetadataPath(cronJob)).toBe('spec.jobTemplate.spec.template.metadata');
      expect(podMetadataPath(workloadOf({ kind: 'Pod', spec: { containers: [] } }))).toBe('metadata');
    });

    it('reads string annotations with a quoted evidence path and ignores malformed ones', () => {
      const workload = deploymentWorkload(
        { containers: [] },
        { annotations: { 'a.io/b': 'x', 'a.io/n': 3 } },
      );
      expect(podAnnotation(workload, 'a.io/b')).toEqual({
        value: 'x',
        path: 'spec.template.metadata.annotations["a.io/b"]',
      });
      expect(podAnnotation(workload, 'a.io/n')).toBeUndefined();
      expect(
        podAnnotation(deploymentWorkload({ containers: [] }, { annotations: 'oops' }), 'a.io/b'),
      ).toBeUndefined();
    });
  });

  it('reads quoted "true" as switched on, anything else as off', () => {
    expect(isSwitchedOn(true)).toBe(true);
    expect(isSwitchedOn('True')).toBe(true);
    expect(isSwitchedOn(false)).toBe(false);
    expect(isSwitchedOn('yes')).toBe(false);
    expect(isSwitchedOn(1)).toBe(false);
  });

  it('reads root ids, Windows pods and pod-level switches', () => {
    expect([0, '0', ' 0 ', 1, '', undefined].map(isRootId)).toEqual([true, true, true, false, false, false]);
    expect(isWindowsPod(deploymentWorkload({ os: { name: 'Windows' }, containers: [] }))).toBe(true);
    expect(isWindowsPod(deploymentWorkload({ os: 'windows', containers: [] }))).toBe(false);
    expect(
      podSwitchViolation(deploymentWorkload({ hostPID: true, containers: [] }), 'hostPID', 'shared'),
    ).toEqual({
      message: 'shared',
      path: 'spec.template.spec.hostPID',
      value: true,
    });
    expect(
      podSwitchViolation(deploymentWorkload({ hostPID: false, containers: [] }), 'hostPID', 'shared'),
    ).toBeUndefined();
  });
});
