import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent, describeTarget } from './support/components';
import { missingFlag, writtenFlag } from './support/flag-findings';

export const apiserverAnonymousAuthEnabled = componentCheck(
  {
    id: 'apiserver-anonymous-auth-enabled',
    title: 'API server accepts anonymous requests',
    rationale:
      'With anonymous authentication on, every request without credentials is served as `system:anonymous`. ' +
      'Only RBAC then stands between the internet-facing API endpoint and the cluster, and one careless binding ' +
      'to that user or to `system:unauthenticated` opens the API to anyone who can reach it.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authentication],
    references: {
      cis: ['1.2.1'],
      nsa: ['authn-authz/authentication'],
      kubescape: ['C-0113'],
    },
    remediation: {
      text:
        'Start kube-apiserver with `--anonymous-auth=false` (health probes then need credentials, or an ' +
        'AuthenticationConfiguration that allows anonymous access to the health endpoints only).',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-apiserver',
        '      command:',
        '        - kube-apiserver',
        '        - --anonymous-auth=false',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.ApiServer,
  (target) => {
    const flag = target.flags.last('anonymous-auth');
    if (flag) {
      return flag.value.toLowerCase() === 'false'
        ? undefined
        : writtenFlag(target, flag, `${describeTarget(target)} accepts anonymous requests (${flag.written})`);
    }
    // Anonymous access is then set in the AuthenticationConfiguration file, which the inventory does not hold.
    if (target.flags.has('authentication-config')) {
      return undefined;
    }
    return missingFlag(
      target,
      `${describeTarget(target)} does not set --anonymous-auth=false: anonymous requests are accepted by default`,
    );
  },
);
