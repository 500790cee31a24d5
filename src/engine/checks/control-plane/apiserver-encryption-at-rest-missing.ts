import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent, describeTarget } from './support/components';
import { missingFlag } from './support/flag-findings';

export const apiserverEncryptionAtRestMissing = componentCheck(
  {
    id: 'apiserver-encryption-at-rest-missing',
    title: 'API server does not encrypt Secrets at rest',
    rationale:
      'Without an encryption configuration the API server stores Secrets in etcd as plain base64. Anyone who ' +
      'gets an etcd backup, a snapshot of a control plane disk or read access to etcd reads every credential ' +
      'in the cluster, without ever passing RBAC.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.ZeroTrust],
    references: {
      cis: ['1.2.27'],
      nsa: ['network/secrets'],
      mitre: ['T1552.001'],
      kubescape: ['C-0141'],
    },
    remediation: {
      text:
        'Write an EncryptionConfiguration (a KMS v2 provider, or aescbc/secretbox with a protected key) covering ' +
        'at least `secrets`, pass it with `--encryption-provider-config`, then rewrite existing Secrets.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-apiserver',
        '      command:',
        '        - kube-apiserver',
        '        - --encryption-provider-config=/etc/kubernetes/encryption/config.yaml',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.ApiServer,
  (target) =>
    target.flags.has('encryption-provider-config')
      ? undefined
      : missingFlag(
          target,
          `${describeTarget(target)} has no --encryption-provider-config: Secrets are stored unencrypted in etcd`,
        ),
);
