import { type CheckMeta, Layer, Phase, Principle, Severity } from '../../../engine/model';
import type { TicketFindingEntity } from '../../tickets/entities/ticket-finding.entity';
import { TicketEntity, TicketGrouping, TicketStatus } from '../../tickets/entities/ticket.entity';
import type { AdfBlock, AdfDocument } from '../client/adf';
import type { JiraSettingsEntity } from '../settings/jira-settings.entity';
import { issueDescription } from './issue-description';
import { issueFields, ticketLabel } from './issue-fields';

const TICKET_ID = '3f0c1a52-8d7e-4b8a-9c51-6a2f0e9d4b17';
const PATCH =
  'spec:\n  template:\n    spec:\n      containers:\n        - securityContext:\n            privileged: false\n';

const meta: CheckMeta = {
  id: 'container-privileged',
  title: 'Containers run privileged',
  rationale: 'A privileged container has every capability and the host’s devices.',
  severity: Severity.Critical,
  layer: Layer.System,
  phase: Phase.Runtime,
  principles: [Principle.Isolation, Principle.LeastPrivilege],
  references: {},
  remediation: { text: 'Drop privileged mode.', patch: PATCH },
};

/** A ticket with the columns an issue is made of; the sync bookkeeping columns play no part. */
function ticket(overrides: Partial<TicketEntity> = {}): TicketEntity {
  return Object.assign(new TicketEntity(), {
    id: TICKET_ID,
    organizationId: '0b6f7f0e-4c4e-4d9a-8f8e-1f2d3c4b5a69',
    engagementId: '1c7a8b9d-2e3f-4a5b-8c6d-7e8f9a0b1c2d',
    clusterId: '2d8b9cae-3f4a-4b6c-9d7e-8f9a0b1c2d3e',
    grouping: TicketGrouping.CheckNamespace,
    groupKey: 'container-privileged|shop',
    check: 'container-privileged',
    namespace: 'shop',
    workload: null,
    title: 'Containers run privileged in shop (prod)',
    severity: Severity.Critical,
    layer: Layer.System,
    phase: Phase.Runtime,
    dueOn: '2026-12-05',
    status: TicketStatus.Open,
    revision: 1,
    ...overrides,
  });
}

function findings(count: number): TicketFindingEntity[] {
  return Array.from({ length: count }, (_, index) => ({
    ticketId: TICKET_ID,
    fingerprint: index.toString(16).padStart(32, '0'),
    resourceApiVersion: 'apps/v1',
    resourceKind: 'Deployment',
    resourceNamespace: 'shop',
    resourceName: `web-${index}`,
    container: 'app',
    message: 'container app runs privileged',
    assessmentId: '4fa0b1c2-d3e4-4f56-8a7b-9c0d1e2f3a4b',
    addedAt: new Date('2026-11-28T00:00:00Z'),
  }));
}

function settings(overrides: Partial<JiraSettingsEntity> = {}): JiraSettingsEntity {
  return {
    organizationId: '0b6f7f0e-4c4e-4d9a-8f8e-1f2d3c4b5a69',
    baseUrl: 'https://acme.atlassian.net',
    projectKey: 'SEC',
    issueType: 'Task',
    authType: 'basic',
    email: 'bot@acme.example',
    sealedToken: Buffer.alloc(0),
    sealedWebhookSecret: Buffer.alloc(0),
    keyId: 'k1',
    priorityMap: {
      [Severity.Critical]: 'P1 - Blocker',
      [Severity.High]: 'P2',
      [Severity.Medium]: 'P3',
      [Severity.Low]: 'P4',
      [Severity.Info]: 'P5',
    },
    labels: ['security', 'kubeassay'],
    components: [],
    customFields: {},
    verification: null,
    createdAt: new Date('2026-11-28T00:00:00Z'),
    updatedAt: new Date('2026-11-28T00:00:00Z'),
    ...overrides,
  };
}

/** Every text of a block and its children, in document order. */
function texts(block: AdfBlock | AdfDocument): string[] {
  if (!('content' in block)) {
    return [];
  }
  return (block.content as unknown[]).flatMap((child) => {
    const node = child as { type: string; text?: string };
    return node.type === 'text' ? [node.text ?? ''] : texts(node as AdfBlock);
  });
}

describe('issueFields', () => {
  it('labels the issue with the ticket’s own label, kubeassay, layer, phase and check, without spaces', () => {
    const { create, edit } = issueFields(ticket(), meta, findings(1), settings());
    expect(ticketLabel(TICKET_ID)).toBe(`kubeassay-ticket-${TICKET_ID}`);
    expect(edit['labels']).toEqual([
      'security',
      'kubeassay',
      `kubeassay-ticket-${TICKET_ID}`,
      'layer-system',
      'phase-runtime',
      'check-container-privileged',
    ]);
    expect(create['labels']).toEqual(edit['labels']);
    for (const label of edit['labels'] as string[]) {
      expect(label).not.toMatch(/\s/);
    }
  });

  it('takes the priority from the organization’s map and the due date from the ticket', () => {
    const high = issueFields(
      ticket({ severity: Severity.High, dueOn: '2026-12-28' }),
      meta,
      findings(1),
      settings(),
    );
    expect(high.edit).toMatchObject({
      summary: 'Containers run privileged in shop (prod)',
      priority: { name: 'P2' },
      duedate: '2026-12-28',
    });
    expect(issueFields(ticket(), meta, findings(1), settings()).edit['priority']).toEqual({
      name: 'P1 - Blocker',
    });
  });

  it('sets components only when the settings name some', () => {
    expect(issueFields(ticket(), meta, findings(1), settings()).edit).not.toHaveProperty('components');
    const withComponents = issueFields(
      ticket(),
      meta,
      findings(1),
      settings({ components: ['Platform', 'Security'] }),
    );
    expect(withComponents.edit['components']).toEqual([{ name: 'Platform' }, { name: 'Security' }]);
    expect(withComponents.create['components']).toEqual([{ name: 'Platform' }, { name: 'Security' }]);
  });

  it('sends project, issue type and custom fields on create only, never on an edit', () => {
    const customFields = { customfield_10050: { value: 'Security' }, customfield_10051: 'KUBE-1' };
    const { create, edit } = issueFields(ticket(), meta, findings(1), settings({ customFields }));
    expect(create).toMatchObject({
      project: { key: 'SEC' },
      issuetype: { name: 'Task' },
      customfield_10050: { value: 'Security' },
      customfield_10051: 'KUBE-1',
    });
    expect(Object.keys(edit).sort()).toEqual(['description', 'duedate', 'labels', 'priority', 'summary']);
  });

  it('describes the issue in ADF, with the remediation patch in a yaml code block', () => {
    const { edit } = issueFields(ticket(), meta, findings(3), settings());
    const description = edit['description'] as AdfDocument;
    expect(description).toMatchObject({ type: 'doc', version: 1 });
    expect(description.content).toContainEqual({
      type: 'codeBlock',
      attrs: { language: 'yaml' },
      content: [{ type: 'text', text: PATCH }],
    });
    const words = texts(description).join('');
    expect(words).toContain('Containers run privileged');
    expect(words).toContain(meta.rationale);
    expect(words).toContain('Affected resources (3)');
    expect(words).toContain('Deployment shop/web-2');
    expect(words).toContain('kubeassay scan <manifests> --check container-privileged');
    expect(words).not.toContain('more, listed in Kubeassay');
  });

  it('lists at most 50 resources and counts the rest', () => {
    const description = issueDescription(ticket(), meta, findings(120));
    const lists = description.content.filter((block) => block.type === 'bulletList');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.type === 'bulletList' && lists[0]!.content).toHaveLength(50);
    const words = texts(description).join('\n');
    expect(words).toContain('Affected resources (120)');
    expect(words).toContain('Deployment shop/web-49');
    expect(words).not.toContain('Deployment shop/web-50');
    expect(words).toContain('…and 70 more, listed in Kubeassay.');
  });

  it('describes a check the catalog no longer knows by its id, with no patch', () => {
    const description = issueDescription(ticket({ check: 'retired-check' }), undefined, findings(1));
    expect(texts(description)).toContain('retired-check');
    expect(description.content.some((block) => block.type === 'codeBlock')).toBe(false);
  });
});
