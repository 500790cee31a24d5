import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent, describeTarget } from './support/components';
import { writtenFlag } from './support/flag-findings';

export const apiserverTokenAuthFile = componentCheck(
  {
    id: 'apiserver-token-auth-file',
    title: 'API server accepts static tokens',
    rationale:
      'Tokens in a `--token-auth-file` never expire, cannot be revoked without restarting the API server and ' +
      'sit in clear text on every control plane node. A copy of that file, or of one token from it, is a ' +
      'permanent identity in the cluster.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authentication],
    references: {
      cis: ['1.2.2'],
      nsa: ['authn-authz/authentication'],
      mitre: ['T1078'],
      kubescape: ['C-0114'],
    },
    remediation: {
      text:
        'Move users to OIDC or client certificates and workloads to service account tokens, then remove ' +
        '`--token-auth-file` from kube-apiserver.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-apiserver',
        '      command:',
        '        - kube-apiserver',
        '        - --oidc-issuer-url=https://issuer.example.com',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.ApiServer,
  (target) => {
    const flag = target.flags.last('token-auth-file');
    return flag && flag.value !== ''
      ? writtenFlag(target, flag, `${describeTarget(target)} authenticates static tokens from ${flag.value}`)
      : undefined;
  },
);
