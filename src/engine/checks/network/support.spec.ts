import { Inventory } from '../../inventory/inventory';
import { toWorkload } from '../../inventory/workloads';
import type { KubeObject } from '../../kube-types';
import {
  directionsIsolating,
  directionsWithRules,
  isolatedDirections,
  networkPoliciesIn,
  podLabelsEvidence,
  policiesSelecting,
  TrafficDirection,
} from './support';

const { Ingress, Egress } = TrafficDirection;

const policy = (name: string, spec: unknown, apiVersion = 'networking.k8s.io/v1'): KubeObject => ({
  apiVersion,
  kind: 'NetworkPolicy',
  metadata: { name, namespace: 'shop' },
  spec,
});

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app' }] } } },
};

describe('network support', () => {
  it.each([
    [{ podSelector: {} }, [Ingress]],
    [{ podSelector: {}, policyTypes: [] }, [Ingress]],
    [{ podSelector: {}, egress: [{}] }, [Ingress, Egress]],
    [{ podSelector: {}, egress: [] }, [Ingress]],
    [{ podSelector: {}, policyTypes: ['Egress'] }, [Egress]],
    [{ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, [Ingress, Egress]],
    [{ podSelector: {}, policyTypes: ['Ingress', 'Sideways'] }, [Ingress]],
    [{ podSelector: {}, policyTypes: 'Ingress,Egress' }, []],
    ['not a spec', []],
  ])('reads the directions isolated by %j', (spec, expected) => {
    expect([...isolatedDirections(spec)]).toEqual(expected);
  });

  it.each([
    [{ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, []],
    [{ podSelector: {}, ingress: [{}] }, [Ingress]],
    [{ podSelector: {}, ingress: [{}], egress: [{}] }, [Ingress, Egress]],
    [{ podSelector: {}, policyTypes: ['Ingress'], ingress: [{}], egress: [{}] }, [Ingress]],
    [{ podSelector: {}, policyTypes: ['Egress'], ingress: [{}], egress: [{ to: [] }] }, [Egress]],
    [{ podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: 'all', egress: ['allow'] }, []],
    ['not a spec', []],
  ])('reads the directions %j allows by rule', (spec, expected) => {
    expect([...directionsWithRules(spec)]).toEqual(expected);
  });

  it('indexes only Kubernetes NetworkPolicies, once per inventory', () => {
    const inventory = new Inventory({
      objects: [
        { object: policy('k8s', { podSelector: {} }) },
        { object: policy('calico', { selector: 'all()' }, 'projectcalico.org/v3') },
      ],
    });
    const views = networkPoliciesIn(inventory, 'shop');
    expect(views.map((view) => view.policy.metadata.name)).toEqual(['k8s']);
    expect(networkPoliciesIn(inventory, 'shop')).toBe(views);
    expect(networkPoliciesIn(inventory, 'other')).toEqual([]);
  });

  it('unites the directions of the policies that select a workload', () => {
    const inventory = new Inventory({
      objects: [
        { object: policy('ingress', { podSelector: { matchLabels: { app: 'web' } } }) },
        {
          object: policy('egress-other', {
            podSelector: { matchLabels: { app: 'db' } },
            policyTypes: ['Egress'],
          }),
        },
        { object: policy('malformed', { podSelector: 'app=web', policyTypes: ['Egress'] }) },
        { object: deployment },
      ],
    });
    const workload = inventory.workloads[0]!;
    expect(policiesSelecting(inventory, workload).map((view) => view.policy.metadata.name)).toEqual([
      'ingress',
    ]);
    expect([...directionsIsolating(inventory, workload)]).toEqual([Ingress]);
  });

  it('points at the labels of the pod or of the template', () => {
    expect(podLabelsEvidence(toWorkload(deployment)!)).toEqual({
      path: 'spec.template.metadata.labels',
      value: { app: 'web' },
    });
    const pod: KubeObject = { kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } };
    expect(podLabelsEvidence(toWorkload(pod)!)).toEqual({ path: 'metadata.labels' });
    const cronJob: KubeObject = {
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
    };
    expect(podLabelsEvidence(toWorkload(cronJob)!).path).toBe(
      'spec.jobTemplate.spec.template.metadata.labels',
    );
  });
});
