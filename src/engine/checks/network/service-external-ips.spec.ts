import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { serviceExternalIps } from './service-external-ips';

const service = (spec: string) => `
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: ${spec}
`;

describe('service-external-ips', () => {
  it('reports a Service that claims external IPs', () => {
    const { findings, result } = runCheck(
      serviceExternalIps,
      service('{ports: [{port: 80}], externalIPs: [192.0.2.10]}'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'api' },
        message: 'Service api claims external IPs: ["192.0.2.10"]',
        evidence: { path: 'spec.externalIPs', value: ['192.0.2.10'] },
      }),
    ]);
  });

  it('reports a single address given instead of a list', () => {
    const { findings } = runCheck(serviceExternalIps, service('{externalIPs: 192.0.2.10}'));
    expect(findings[0]?.evidence).toEqual({ path: 'spec.externalIPs', value: '192.0.2.10' });
  });

  it('passes Services without external IPs', () => {
    const manifests = [
      service('{externalIPs: []}'),
      service('{externalIPs: ""}'),
      service('{type: ClusterIP}'),
    ]
      .map((text, index) => text.replace('name: api', `name: api${index}`))
      .join('---\n');
    const { findings, result } = runCheck(serviceExternalIps, manifests);
    expect(findings).toEqual([]);
    expect(result).toMatchObject({ status: CheckStatus.Passed, evaluated: 3 });
  });
});
