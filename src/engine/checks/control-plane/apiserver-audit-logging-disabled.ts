import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent, describeTarget } from './support/components';
import { missingFlag } from './support/flag-findings';

export const apiserverAuditLoggingDisabled = componentCheck(
  {
    id: 'apiserver-audit-logging-disabled',
    title: 'API server does not write an audit log',
    rationale:
      'The audit log is the only record of who read a Secret, exec-ed into a pod or changed a binding. The API ' +
      'server audits only when it has both an audit policy and a backend (a log file or a webhook); without ' +
      'them an intrusion through the API leaves no trace to investigate.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Auditing],
    references: {
      cis: ['1.2.16', '3.2.1'],
      nsa: ['audit/native-audit-logging'],
      kubescape: ['C-0130', 'C-0160'],
    },
    remediation: {
      text:
        'Give kube-apiserver an audit policy (`--audit-policy-file`) and a backend (`--audit-log-path` with ' +
        'rotation settings, or `--audit-webhook-config-file`), and ship the log off the node.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-apiserver',
        '      command:',
        '        - kube-apiserver',
        '        - --audit-policy-file=/etc/kubernetes/audit-policy.yaml',
        '        - --audit-log-path=/var/log/kubernetes/audit/audit.log',
        '        - --audit-log-maxage=30',
        '        - --audit-log-maxbackup=10',
        '        - --audit-log-maxsize=100',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.ApiServer,
  (target) => {
    const { flags } = target;
    const subject = describeTarget(target);
    const hasPolicy = flags.has('audit-policy-file');
    const hasBackend = flags.has('audit-log-path') || flags.has('audit-webhook-config-file');
    if (!hasPolicy && !hasBackend) {
      return missingFlag(target, `${subject} has no audit policy and no audit backend: nothing is audited`);
    }
    if (!hasPolicy) {
      return missingFlag(
        target,
        `${subject} has no --audit-policy-file: nothing is audited despite its audit backend`,
      );
    }
    if (!hasBackend) {
      return missingFlag(
        target,
        `${subject} has an audit policy but neither --audit-log-path nor --audit-webhook-config-file: ` +
          'events go nowhere',
      );
    }
    return undefined;
  },
);
