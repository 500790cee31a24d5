import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent, describeTarget } from './support/components';
import { missingFlag } from './support/flag-findings';

export const apiserverKubeletCertificateAuthorityMissing = componentCheck(
  {
    id: 'apiserver-kubelet-certificate-authority-missing',
    title: 'API server does not verify kubelet certificates',
    rationale:
      'The API server connects to kubelets for exec, attach, port-forward and logs. Without ' +
      "`--kubelet-certificate-authority` it does not verify the kubelet's serving certificate, so anyone who " +
      'can intercept or redirect that connection sees and alters the commands and output passing through it.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authentication],
    references: {
      cis: ['1.2.5'],
      nsa: ['network/encryption'],
      kubescape: ['C-0117'],
    },
    remediation: {
      text:
        'Have kubelets use CA-signed serving certificates (`serverTLSBootstrap: true` and approved CSRs), then ' +
        'start kube-apiserver with `--kubelet-certificate-authority` pointing at that CA.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-apiserver',
        '      command:',
        '        - kube-apiserver',
        '        - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.ApiServer,
  (target) =>
    target.flags.has('kubelet-certificate-authority')
      ? undefined
      : missingFlag(
          target,
          `${describeTarget(target)} has no --kubelet-certificate-authority: ` +
            'kubelet serving certificates are not verified',
        ),
);
