import { toComponentPod } from './components';
import { admissionPluginOff, profilingViolation } from './flag-findings';

describe('shared control plane findings', () => {
  const target = (component: string, command: string[]) =>
    toComponentPod({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${component}-cp`, namespace: 'kube-system', labels: { component } },
      spec: { containers: [{ name: component, command: [component, ...command] }] },
    })!;

  it('reads profiling as on unless set to false, and cannot judge a scheduler with a config file', () => {
    expect(profilingViolation(target('kube-apiserver', []))?.path).toBe('spec.containers[0].command');
    expect(profilingViolation(target('kube-apiserver', ['--profiling=false']))).toBeUndefined();
    expect(profilingViolation(target('kube-controller-manager', ['--profiling=true']))).toMatchObject({
      value: '--profiling=true',
    });
    expect(
      profilingViolation(target('kube-scheduler', ['--config=/etc/kubernetes/scheduler.yaml'])),
    ).toBeUndefined();
  });

  it('points at the admission plugin flag that leaves a plugin off', () => {
    expect(
      admissionPluginOff(
        target('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
        'NodeRestriction',
        'x',
      ),
    ).toBeUndefined();
    expect(
      admissionPluginOff(
        target('kube-apiserver', ['--admission-control=NodeRestriction']),
        'NodeRestriction',
        'x',
      ),
    ).toBeUndefined();
    expect(
      admissionPluginOff(
        target('kube-apiserver', ['--enable-admission-plugins=PodSecurity']),
        'NodeRestriction',
        'x',
      ),
    ).toMatchObject({
      path: 'spec.containers[0].command[1]',
      value: '--enable-admission-plugins=PodSecurity',
    });
    expect(
      admissionPluginOff(
        target('kube-apiserver', [
          '--enable-admission-plugins=NodeRestriction',
          '--disable-admission-plugins=PodSecurity, NodeRestriction',
        ]),
        'NodeRestriction',
        'x',
      ),
    ).toMatchObject({ path: 'spec.containers[0].command[2]' });
    expect(admissionPluginOff(target('kube-apiserver', []), 'NodeRestriction', 'x')).toMatchObject({
      path: 'spec.containers[0].command',
    });
  });
});
