import type { Check } from '../../engine/check';
import { type Finding, FindingStatus } from '../../engine/finding';
import type { InputError } from '../../engine/input-error';
import { Severity } from '../../engine/model';
import type { ScanResult } from '../../engine/scan';
import { VERSION } from '../../version';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  [Severity.Critical]: 'error',
  [Severity.High]: 'error',
  [Severity.Medium]: 'warning',
  [Severity.Low]: 'note',
  [Severity.Info]: 'note',
};

/** GitHub code scanning reads this property to rank security results (0.1–10). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  [Severity.Critical]: '9.5',
  [Severity.High]: '8.0',
  [Severity.Medium]: '5.5',
  [Severity.Low]: '3.0',
  [Severity.Info]: '1.0',
};

function rule(check: Check) {
  const { meta } = check;
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    help: {
      text: `${meta.remediation.text}\n\n${meta.remediation.patch}`,
      markdown: `${meta.remediation.text}\n\n\`\`\`yaml\n${meta.remediation.patch}\n\`\`\``,
    },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: [
        'security',
        `layer:${meta.layer}`,
        `phase:${meta.phase}`,
        ...meta.principles.map((p) => `principle:${p}`),
      ],
      'security-severity': SECURITY_SEVERITY[meta.severity],
      severity: meta.severity,
      references: meta.references,
    },
  };
}

function location(finding: Finding) {
  const { resource } = finding;
  const logical = {
    fullyQualifiedName: [resource.namespace, resource.kind, resource.name].filter(Boolean).join('/'),
    kind: 'resource',
  };
  if (!finding.source) {
    return { logicalLocations: [logical] };
  }
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(finding.source.file) },
      region: { startLine: finding.source.line },
    },
    logicalLocations: [logical],
  };
}

function toUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/').replace(/^\.\//, ''));
}

function result(finding: Finding, ruleIndex: number) {
  return {
    ruleId: finding.check,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(finding)],
    partialFingerprints: { 'kubeassay/v1': finding.fingerprint },
    properties: {
      evidence: finding.evidence,
      ...(finding.container !== undefined && { container: finding.container }),
    },
    ...(finding.status === FindingStatus.Accepted &&
      finding.exception && {
        suppressions: [
          { kind: 'external', status: 'accepted', justification: finding.exception.justification },
        ],
      }),
  };
}

function notification(error: InputError) {
  return {
    level: 'error',
    message: { text: `${error.code}: ${error.message}` },
    ...(error.file !== undefined && {
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(error.file) },
            ...(error.line !== undefined && { region: { startLine: error.line } }),
          },
        },
      ],
    }),
  };
}

/** SARIF 2.1.0: one rule per selected check, one result per finding, input errors as notifications. */
export function renderSarif(scanResult: ScanResult, checks: readonly Check[]): string {
  const ruleIndex = new Map(checks.map((check, index) => [check.meta.id, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubeassay',
            version: VERSION,
            rules: checks.map(rule),
          },
        },
        invocations: [
          {
            executionSuccessful: scanResult.inputErrors.length === 0,
            toolExecutionNotifications: scanResult.inputErrors.map(notification),
          },
        ],
        results: scanResult.findings.map((finding) => result(finding, ruleIndex.get(finding.check) ?? 0)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
