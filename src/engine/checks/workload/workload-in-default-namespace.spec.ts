import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { workloadInDefaultNamespace } from './workload-in-default-namespace';

const deployment = (namespace: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, ${namespace}uid: d1}
spec: {template: {spec: {containers: [{name: app, image: "nginx:1.25"}]}}}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-abc
  ${namespace}
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]
spec: {containers: [{name: app, image: "nginx:1.25"}]}
`;

describe('workload-in-default-namespace', () => {
  it('reports a workload in the default namespace once, on its controller', () => {
    const { findings, result } = runCheck(workloadInDefaultNamespace, deployment('namespace: default, '));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Deployment', namespace: 'default', name: 'web' },
      message: 'Deployment web is in the default namespace',
      evidence: { path: 'metadata.namespace', value: 'default' },
    });
  });

  it('reports Services and ConfigMaps too, but not those the control plane keeps there', () => {
    const yaml = `
apiVersion: v1
kind: Service
metadata: {name: kubernetes, namespace: default}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: kube-root-ca.crt, namespace: default}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: default}
`;
    const { findings } = runCheck(workloadInDefaultNamespace, yaml);
    expect(findings.map((finding) => `${finding.resource.kind}/${finding.resource.name}`)).toEqual([
      'ConfigMap/settings',
    ]);
  });

  it('passes a dedicated namespace and manifests that leave the namespace to the deployer', () => {
    expect(runCheck(workloadInDefaultNamespace, deployment('namespace: shop, ')).result.status).toBe(
      CheckStatus.Passed,
    );
    expect(runCheck(workloadInDefaultNamespace, deployment('')).findings).toEqual([]);
  });
});
