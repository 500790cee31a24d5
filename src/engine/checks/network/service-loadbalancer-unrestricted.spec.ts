import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { serviceLoadbalancerUnrestricted } from './service-loadbalancer-unrestricted';

const service = (spec: string, annotations = '{}') => `
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop, annotations: ${annotations}}
spec: ${spec}
`;

describe('service-loadbalancer-unrestricted', () => {
  it('reports a LoadBalancer without source ranges', () => {
    const { findings, result } = runCheck(serviceLoadbalancerUnrestricted, service('{type: LoadBalancer}'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'web' },
        message: 'LoadBalancer Service web sets no loadBalancerSourceRanges: any address can connect',
        evidence: { path: 'spec.loadBalancerSourceRanges' },
      }),
    ]);
  });

  it('reports source ranges that allow every address, or are malformed', () => {
    const open = runCheck(
      serviceLoadbalancerUnrestricted,
      service('{type: LoadBalancer, loadBalancerSourceRanges: [10.0.0.0/8, 0.0.0.0/0]}'),
    );
    expect(open.findings[0]).toMatchObject({
      message: 'LoadBalancer Service web allows every address (0.0.0.0/0): any address can connect',
      evidence: { path: 'spec.loadBalancerSourceRanges', value: ['10.0.0.0/8', '0.0.0.0/0'] },
    });
    const malformed = runCheck(
      serviceLoadbalancerUnrestricted,
      service('{type: LoadBalancer, loadBalancerSourceRanges: 10.0.0.0/8}'),
    );
    expect(malformed.findings[0]?.message).toContain('has malformed loadBalancerSourceRanges');
  });

  it('passes restricted source ranges, given in the spec or the legacy annotation', () => {
    expect(
      runCheck(
        serviceLoadbalancerUnrestricted,
        service('{type: LoadBalancer, loadBalancerSourceRanges: [203.0.113.0/24]}'),
      ).findings,
    ).toEqual([]);
    const annotated = service(
      '{type: LoadBalancer}',
      '{service.beta.kubernetes.io/load-balancer-source-ranges: "203.0.113.0/24, 198.51.100.0/24"}',
    );
    expect(runCheck(serviceLoadbalancerUnrestricted, annotated).findings).toEqual([]);
    const openAnnotation = service(
      '{type: LoadBalancer}',
      '{service.beta.kubernetes.io/load-balancer-source-ranges: "::/0"}',
    );
    expect(runCheck(serviceLoadbalancerUnrestricted, openAnnotation).findings[0]?.evidence).toEqual({
      path: 'metadata.annotations["service.beta.kubernetes.io/load-balancer-source-ranges"]',
      value: ['::/0'],
    });
  });

  it.each([
    ['service.beta.kubernetes.io/aws-load-balancer-internal', '"true"'],
    ['service.beta.kubernetes.io/aws-load-balancer-scheme', 'internal'],
    ['networking.gke.io/load-balancer-type', 'Internal'],
    ['cloud.google.com/load-balancer-type', 'Internal'],
    ['service.beta.kubernetes.io/azure-load-balancer-internal', '"true"'],
  ])('passes an internal load balancer annotated %s', (annotation, value) => {
    const { findings } = runCheck(
      serviceLoadbalancerUnrestricted,
      service('{type: LoadBalancer}', `{${annotation}: ${value}}`),
    );
    expect(findings).toEqual([]);
  });

  it('still reports a load balancer whose internal annotation is off', () => {
    const annotated = service(
      '{type: LoadBalancer}',
      '{service.beta.kubernetes.io/azure-load-balancer-internal: "false"}',
    );
    expect(runCheck(serviceLoadbalancerUnrestricted, annotated).findings).toHaveLength(1);
  });

  it('passes other Service types', () => {
    const { result } = runCheck(serviceLoadbalancerUnrestricted, service('{type: ClusterIP}'));
    expect(result.status).toBe(CheckStatus.Passed);
  });
});
