import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { apiserverAlwaysPullImagesDisabled } from './apiserver-always-pull-images-disabled';

const pod = (component: string, flags: string[], extra = '') => `
apiVersion: v1
kind: Pod
metadata:
  name: ${component}-cp-1
  namespace: kube-system
  labels: {component: ${component}, tier: control-plane}
spec:
  containers:
    - name: ${component}
      image: registry.k8s.io/${component}:v1.31.2
      command:
        - ${component}
${flags.map((flag) => `        - ${flag}`).join('\n')}
${extra}`;
const apiserver = (...flags: string[]) => pod('kube-apiserver', flags);
const managedCluster =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: coredns-1, namespace: kube-system}\nspec: {containers: [{name: coredns, image: coredns}]}\n';

describe('apiserver-always-pull-images-disabled', () => {
  it('reports an admission plugin list without AlwaysPullImages, pointing at it', () => {
    const { findings, result } = runCheck(
      apiserverAlwaysPullImagesDisabled,
      apiserver('--enable-admission-plugins=NodeRestriction'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      evidence: {
        path: 'spec.containers[0].command[1]',
        value: '--enable-admission-plugins=NodeRestriction',
      },
      message: expect.stringContaining('does not enable the AlwaysPullImages admission plugin') as string,
    });
  });

  it('reports an API server with no admission plugin flag (the plugin is off by default)', () => {
    expect(runCheck(apiserverAlwaysPullImagesDisabled, apiserver()).findings[0]!.evidence).toEqual({
      path: 'spec.containers[0].command',
    });
  });

  it('reports the plugin switched off again by --disable-admission-plugins', () => {
    const { findings } = runCheck(
      apiserverAlwaysPullImagesDisabled,
      apiserver(
        '--enable-admission-plugins=AlwaysPullImages',
        '--disable-admission-plugins=AlwaysPullImages',
      ),
    );
    expect(findings[0]!.message).toContain('disables the AlwaysPullImages admission plugin');
  });

  it('passes when the plugin is enabled', () => {
    expect(
      runCheck(
        apiserverAlwaysPullImagesDisabled,
        apiserver('--enable-admission-plugins=NodeRestriction,AlwaysPullImages'),
      ).findings,
    ).toEqual([]);
  });

  it('is not evaluated on a managed control plane', () => {
    expect(runCheck(apiserverAlwaysPullImagesDisabled, managedCluster).result.status).toBe(
      CheckStatus.NotEvaluated,
    );
  });
});
