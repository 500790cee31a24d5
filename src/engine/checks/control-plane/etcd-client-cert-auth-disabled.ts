import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent, describeTarget } from './support/components';
import { missingFlag, writtenFlag } from './support/flag-findings';

export const etcdClientCertAuthDisabled = componentCheck(
  {
    id: 'etcd-client-cert-auth-disabled',
    title: 'etcd does not require client certificates',
    rationale:
      'etcd holds every object of the cluster, Secrets included, and has no authorization of its own that ' +
      'Kubernetes relies on. Unless it requires a client certificate signed by its CA, anything that can reach ' +
      'its client port reads and rewrites the whole cluster state, bypassing the API server.',
    severity: Severity.Critical,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authentication],
    references: {
      cis: ['2.2'],
      nsa: ['network/etcd'],
      kubescape: ['C-0154'],
    },
    remediation: {
      text:
        'Start etcd with `--client-cert-auth=true` and `--trusted-ca-file` set to the CA that signs the API ' +
        "server's client certificate.",
      patch: [
        'spec:',
        '  containers:',
        '    - name: etcd',
        '      command:',
        '        - etcd',
        '        - --client-cert-auth=true',
        '        - --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.Etcd,
  (target) => {
    const { flags } = target;
    const setting = flags.last('client-cert-auth') ?? flags.envVariable('ETCD_CLIENT_CERT_AUTH');
    if (setting) {
      return setting.value.toLowerCase() === 'true'
        ? undefined
        : writtenFlag(
            target,
            setting,
            `${describeTarget(target)} accepts clients without a certificate (${setting.written})`,
          );
    }
    // The setting then lives in the etcd configuration file, which the inventory does not hold.
    if (flags.has('config-file') || flags.envVariable('ETCD_CONFIG_FILE')) {
      return undefined;
    }
    return missingFlag(
      target,
      `${describeTarget(target)} does not set --client-cert-auth=true: clients need no certificate by default`,
    );
  },
);
