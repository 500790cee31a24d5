import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { ingressTlsMissing } from './ingress-tls-missing';

const ingress = (spec: string, annotations = '{}') => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop, annotations: ${annotations}}
spec:
${spec}
`;

const rules = `  rules:
    - host: shop.example.com
      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
    - host: API.example.com
      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]}`;

describe('ingress-tls-missing', () => {
  it('reports an Ingress without spec.tls', () => {
    const { findings, result } = runCheck(ingressTlsMissing, ingress(rules));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', namespace: 'shop', name: 'shop' },
        message: 'Ingress shop configures no TLS: all of its traffic is plain HTTP',
        evidence: { path: 'spec.tls' },
      }),
    ]);
  });

  it('reports each host that no tls entry covers', () => {
    const { findings } = runCheck(
      ingressTlsMissing,
      ingress(`  tls: [{hosts: [shop.example.com], secretName: shop-tls}]\n${rules}`),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        message: 'Ingress shop serves host API.example.com without TLS: no spec.tls entry covers it',
        evidence: { path: 'spec.rules[1].host', value: 'API.example.com' },
      }),
    ]);
  });

  it('matches wildcard certificates on exactly one label, ignoring case', () => {
    const wildcard = runCheck(
      ingressTlsMissing,
      ingress(`  tls: [{hosts: ["*.example.com"], secretName: tls}]\n${rules}`),
    );
    expect(wildcard.findings).toEqual([]);
    const deeper = ingress(
      '  tls: [{hosts: ["*.example.com"]}]\n  rules: [{host: a.b.example.com}, {host: example.com}]',
    );
    expect(runCheck(ingressTlsMissing, deeper).findings.map((finding) => finding.evidence.value)).toEqual([
      'a.b.example.com',
      'example.com',
    ]);
  });

  it('passes a tls entry without hosts, and rules without a host once TLS is configured', () => {
    expect(
      runCheck(ingressTlsMissing, ingress(`  tls: [{secretName: default-tls}]\n${rules}`)).findings,
    ).toEqual([]);
    const hostless = ingress(
      '  tls: [{hosts: [example.com], secretName: tls}]\n  rules: [{http: {paths: []}}]',
    );
    expect(runCheck(ingressTlsMissing, hostless).result.status).toBe(CheckStatus.Passed);
  });

  it('passes TLS terminated by a cloud load balancer annotation', () => {
    const alb = ingress(
      rules,
      '{alb.ingress.kubernetes.io/certificate-arn: "arn:aws:acm:eu-west-1:123456789012:certificate/x"}',
    );
    expect(runCheck(ingressTlsMissing, alb).findings).toEqual([]);
  });

  it('treats malformed tls as missing and malformed hosts as covering nothing', () => {
    const malformed = runCheck(ingressTlsMissing, ingress(`  tls: "shop-tls"\n${rules}`));
    expect(malformed.findings[0]?.evidence).toEqual({ path: 'spec.tls', value: 'shop-tls' });
    const stringHosts = runCheck(ingressTlsMissing, ingress(`  tls: [{hosts: shop.example.com}]\n${rules}`));
    expect(stringHosts.findings).toHaveLength(2);
  });

  it('is not applicable without Ingresses', () => {
    const { result } = runCheck(ingressTlsMissing, 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n');
    expect(result.status).toBe(CheckStatus.NotApplicable);
  });
});
