import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { serviceNodeport } from './service-nodeport';

const service = (spec: string) => `
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: ${spec}
`;

describe('service-nodeport', () => {
  it('reports a NodePort Service with the ports it opens', () => {
    const { findings, result } = runCheck(
      serviceNodeport,
      service('{type: NodePort, ports: [{port: 80, nodePort: 30080}, {port: 443, nodePort: 30443}]}'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'api' },
        message: 'Service api is of type NodePort: it listens on port 30080, 30443 of every node',
        evidence: { path: 'spec.type', value: 'NodePort' },
      }),
    ]);
  });

  it('reports a NodePort Service whose ports are allocated by the cluster or malformed', () => {
    const { findings } = runCheck(serviceNodeport, service('{type: NodePort, ports: "80"}'));
    expect(findings[0]?.message).toBe(
      'Service api is of type NodePort: it listens on an allocated port of every node',
    );
  });

  it('passes ClusterIP, headless and default-typed Services', () => {
    const manifests = [service('{type: ClusterIP}'), service('{clusterIP: None}'), service('oops')]
      .map((text, index) => text.replace('name: api', `name: api${index}`))
      .join('---\n');
    const { findings, result } = runCheck(serviceNodeport, manifests);
    expect(findings).toEqual([]);
    expect(result).toMatchObject({ status: CheckStatus.Passed, evaluated: 3 });
  });
});
