import type { Content, TableCell } from 'pdfmake/interfaces';
import { dataTable, paragraph, sectionTitle, subTitle } from './building-blocks';
import { SECTION_TITLES } from './section-titles';

/** Fixed text: how the assessment works (it describes `scoring.ts` and `build-report.ts`). */
export function methodology(): Content[] {
  return [
    sectionTitle(SECTION_TITLES.methodology, 'section-methodology'),
    subTitle('What was assessed'),
    paragraph(
      'Kubeassay evaluates a catalog of checks against the Kubernetes objects of the cluster: the live API, a ' +
        'snapshot of it, or the manifests that deploy to it. Each check inspects one aspect of the configuration ' +
        'and reports a finding for every resource (and container) that fails it, with the path of the evidence ' +
        'in the object.',
    ),
    subTitle('The model'),
    paragraph(
      'Every check sits in one cell of a grid. Its layer says what it protects: the application (a workload’s ' +
        'own settings), the orchestrator (the Kubernetes control plane, RBAC, admission, network policy) or the ' +
        'system (nodes, container runtime, host access). Its phase says when the control applies: develop, ' +
        'distribute (images and registries), deploy (admission and configuration) or runtime. Each check also ' +
        'names the principles it enforces (authentication, authorization, auditing, admission, least privilege, ' +
        'zero trust, isolation) and cites the CIS Kubernetes Benchmark, the NSA/CISA Kubernetes Hardening Guidance ' +
        'and MITRE ATT&CK where they apply.',
    ),
    subTitle('Scores and posture'),
    paragraph(
      'A score is the severity-weighted share of evaluated checks that passed, from 0 to 100. The weights are ' +
        'critical 10, high 5, medium 2, low 1 and info 0.5. Checks that could not be evaluated and checks that ' +
        'did not apply are left out, so a score says nothing about what was not seen; a cell, principle or ' +
        'framework with nothing evaluated shows n/a.',
    ),
    paragraph(
      'The overall posture, and that of each heat-map cell and principle, is critical when a critical finding is ' +
        'open; poor when a high finding is open or the score is below 60; good when the score is at least 85 and ' +
        'no medium finding is open; fair otherwise.',
    ),
    subTitle('Priorities and the plan'),
    paragraph(
      'Checks are ranked by severity, then by the number of resources they fail on. The remediation plan puts ' +
        'quick wins first (application-layer checks fixed by patching the workloads’ manifests), then structural ' +
        'work on the platform. Findings accepted as risks or marked as false positives are reported in section 8 ' +
        'and are not counted as open.',
    ),
  ];
}

const GLOSSARY: readonly [string, string][] = [
  [
    'Accepted risk',
    'An open finding the client chose to keep, with a justification and usually an expiry date.',
  ],
  ['Admission', 'The control-plane step that can reject or change an object before it is stored.'],
  ['Check', 'One rule of the catalog, with its severity, layer, phase, principles and fix.'],
  ['Coverage gap', 'Something the assessment could not read, which left some checks unevaluated.'],
  ['Evidence', 'The path, inside the resource, of the setting that made it fail the check.'],
  ['Exception', 'A standing waiver that accepts matching findings until it expires.'],
  ['False positive', 'A finding shown not to apply to the resource it names.'],
  ['Finding', 'One resource (or container) failing one check.'],
  ['Layer', 'What a check protects: application, orchestrator or system.'],
  ['Not applicable', 'A check with nothing of the kind it inspects in the cluster.'],
  ['Not evaluated', 'A check that could not read what it needs; never counted as passed.'],
  ['Phase', 'When a check’s control applies: develop, distribute, deploy or runtime.'],
  ['Posture', 'The one-word summary of the cluster: critical, poor, fair or good.'],
  ['Principle', 'A security principle a check enforces, such as least privilege or isolation.'],
  ['RBAC', 'Role-based access control: who may do what through the Kubernetes API.'],
  ['Score', 'The severity-weighted share of evaluated checks that passed, 0 to 100.'],
  ['Severity', 'How bad a failure of the check is: critical, high, medium, low or info.'],
];

export function glossary(): Content[] {
  return [
    {
      stack: [
        sectionTitle(SECTION_TITLES.glossary, 'section-glossary', false),
        dataTable(
          [100, '*'],
          ['Term', 'Meaning'],
          GLOSSARY.map(([term, meaning]): TableCell[] => [{ text: term, bold: true }, { text: meaning }]),
        ),
      ],
      unbreakable: true,
      margin: [0, 16, 0, 0],
    },
  ];
}
