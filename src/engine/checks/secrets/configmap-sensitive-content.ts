import { objectCheck, type Violation } from '../../check';
import { isRecord } from '../../inventory/guards';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import {
  credentialFormatIn,
  isNonSecretValue,
  keyPath,
  looksLikeSecretName,
  redacted,
  scalarText,
} from './support';

/** `name: value`, `name = value`, `"name": "value",`, `export NAME=value`: settings inside a config file. */
const SETTING_LINE = /^\s*(?:export\s+|-\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(.*)$/;

/** Values that stand for a credential supplied elsewhere, or open a block whose content is on later lines. */
const PLACEHOLDER = /^(?:\$\{.*\}|\{\{.*\}\}|%\(.*\)s|<.*>|\$[A-Za-z_]\w*|[|>][-+]?|[[{].*|~|null|none)$/i;

function settingValue(raw: string): string {
  return raw
    .replace(/\s+[#;].*$/, '')
    .replace(/,$/, '')
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2');
}

/** The first line of a config file that sets a credential-named setting to a literal. */
function literalSetting(content: string): string | undefined {
  const lines = content.split('\n');
  for (const [index, line] of lines.entries()) {
    const match = SETTING_LINE.exec(line);
    if (!match || !looksLikeSecretName(match[1]!)) {
      continue;
    }
    const value = settingValue(match[2]!);
    if (!isNonSecretValue(value) && !PLACEHOLDER.test(value)) {
      return `sets ${match[1]!} on line ${index + 1} to a literal value`;
    }
  }
  return undefined;
}

function sensitiveContentReason(key: string, content: string): string | undefined {
  const format = credentialFormatIn(content);
  if (format) {
    return `holds ${format}`;
  }
  // A key named like a credential is one when it holds a single value; a whole file is judged by its lines.
  if (!content.includes('\n') && looksLikeSecretName(key) && !isNonSecretValue(content)) {
    return 'has a name that marks it as a credential';
  }
  return literalSetting(content);
}

function decodedBinary(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}

function sensitiveEntries(configMap: KubeObject, field: 'data' | 'binaryData'): Violation[] {
  const entries = configMap[field];
  if (!isRecord(entries)) {
    return [];
  }
  return Object.entries(entries).flatMap(([key, raw]) => {
    const stored = scalarText(raw);
    if (stored === undefined) {
      return [];
    }
    const reason = sensitiveContentReason(key, field === 'data' ? stored : decodedBinary(stored));
    if (!reason) {
      return [];
    }
    return [
      {
        message: `ConfigMap key ${key} ${reason}`,
        path: keyPath(field, key),
        value: redacted(stored),
        detail: `${field}/${key}`,
      },
    ];
  });
}

export const configmapSensitiveContent = objectCheck(
  {
    id: 'configmap-sensitive-content',
    title: 'Credential stored in a ConfigMap',
    rationale:
      'ConfigMaps are meant for non-confidential settings: they are readable far more widely than Secrets, ' +
      'shown in plain text by tooling, and kept in charts and Git. A password or private key placed in one is ' +
      'exposed to everyone who can read configuration.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Develop,
    principles: [Principle.Authentication, Principle.LeastPrivilege],
    references: {
      nsa: ['network/secrets'],
      mitre: ['T1552.001', 'T1552.007'],
      polaris: ['sensitiveConfigmapContent'],
      kubescape: ['C-0012'],
    },
    remediation: {
      text:
        'Move the credential into a Secret (or an external secret store), mount or reference it from there, ' +
        'remove it from the ConfigMap and rotate it, since it has already been exposed.',
      patch: [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: app-credentials',
        'type: Opaque',
        'stringData:',
        '  db_password: set-from-your-secret-store',
      ].join('\n'),
    },
  },
  { kinds: ['ConfigMap'] },
  (configMap) => [...sensitiveEntries(configMap, 'data'), ...sensitiveEntries(configMap, 'binaryData')],
);
