import { appContainerView, deploymentWorkload } from '../../../../../test/support/workload-factory';
import { Confinement, effectiveAppArmor, effectiveSeccomp, kubernetesMinor } from './confinement';

describe('confinement profiles', () => {
  it('parses the Kubernetes minor version from the forms providers report', () => {
    expect(kubernetesMinor('v1.29.4')).toBe(29);
    expect(kubernetesMinor('1.27')).toBe(27);
    expect(kubernetesMinor('v1.30.2-gke.1587003')).toBe(30);
    expect(kubernetesMinor(undefined)).toBeUndefined();
    expect(kubernetesMinor('unknown')).toBeUndefined();
  });

  describe('effectiveSeccomp', () => {
    const withProfiles = (pod: unknown, container: unknown, annotations: object = {}) =>
      deploymentWorkload(
        {
          securityContext: { seccompProfile: pod },
          containers: [{ name: 'app', securityContext: { seccompProfile: container } }],
        },
        { annotations },
      );

    it('lets the container field override the pod field', () => {
      const workload = withProfiles({ type: 'RuntimeDefault' }, { type: 'Unconfined' });
      expect(effectiveSeccomp(workload, appContainerView(workload))).toEqual({
        confinement: Confinement.Unconfined,
        path: 'spec.template.spec.containers[0].securityContext.seccompProfile.type',
        value: 'Unconfined',
      });
    });

    it('inherits the pod field and reports a profile without a known type as invalid', () => {
      const inherited = withProfiles({ type: 'Localhost', localhostProfile: 'p.json' }, null);
      expect(effectiveSeccomp(inherited, appContainerView(inherited)).confinement).toBe(Confinement.Confined);
      const typeless = withProfiles(null, {});
      expect(effectiveSeccomp(typeless, appContainerView(typeless)).confinement).toBe(Confinement.Invalid);
      const unset = withProfiles(null, null);
      expect(effectiveSeccomp(unset, appContainerView(unset))).toEqual({
        confinement: Confinement.Unset,
        path: 'spec.template.spec.containers[0].securityContext.seccompProfile',
      });
    });

    it('honours the legacy annotations before 1.27 and when the version is unknown, container annotation first', () => {
      const workload = withProfiles({ type: 'RuntimeDefault' }, null, {
        'container.seccomp.security.alpha.kubernetes.io/app': 'unconfined',
      });
      expect(effectiveSeccomp(workload, appContainerView(workload)).confinement).toBe(Confinement.Unconfined);
      expect(effectiveSeccomp(workload, appContainerView(workload), 'v1.26.3').confinement).toBe(
        Confinement.Unconfined,
      );
      expect(effectiveSeccomp(workload, appContainerView(workload), 'v1.27.0').confinement).toBe(
        Confinement.Confined,
      );
      const podAnnotated = withProfiles(null, null, {
        'seccomp.security.alpha.kubernetes.io/pod': 'docker/default',
      });
      expect(effectiveSeccomp(podAnnotated, appContainerView(podAnnotated)).confinement).toBe(
        Confinement.Confined,
      );
      expect(effectiveSeccomp(podAnnotated, appContainerView(podAnnotated), 'v1.28.1').confinement).toBe(
        Confinement.Unset,
      );
    });
  });

  describe('effectiveAppArmor', () => {
    it('resolves container field, then container annotation, then pod field', () => {
      const annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' };
      const annotated = deploymentWorkload(
        { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app' }] },
        { annotations },
      );
      expect(effectiveAppArmor(annotated, appContainerView(annotated))).toEqual({
        confinement: Confinement.Unconfined,
        path: 'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]',
        value: 'unconfined',
      });
      const overridden = deploymentWorkload(
        {
          containers: [
            {
              name: 'app',
              securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-app' } },
            },
          ],
        },
        { annotations },
      );
      expect(effectiveAppArmor(overridden, appContainerView(overridden)).confinement).toBe(
        Confinement.Confined,
      );
      const none = deploymentWorkload({ containers: [{ name: 'app' }] });
      expect(effectiveAppArmor(none, appContainerView(none)).confinement).toBe(Confinement.Unset);
    });
  });
});
