import { COLLECTED_RESOURCES } from '../../src/collectors/kubernetes/resources';
import { loadPaths } from '../../src/collectors/manifests/load-paths';
import { catalog } from '../../src/engine/checks/catalog';
import { FindingStatus } from '../../src/engine/finding';
import type { KubeObject } from '../../src/engine/kube-types';
import { Severity, severityRank } from '../../src/engine/model';
import { scan } from '../../src/engine/scan';

const DEFAULT_FILE = 'deploy/assessor-rbac.yaml';
const SECRET_METADATA_FILE = 'deploy/assessor-secret-metadata-rbac.yaml';
const ASSESSOR = { kind: 'ServiceAccount', name: 'kubeassay-assessor', namespace: 'kubeassay' };
const DISCOVERY_URLS = ['/api', '/api/*', '/apis', '/apis/*', '/version'];

interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs?: string[];
}

async function load(path: string): Promise<KubeObject[]> {
  const loaded = await loadPaths([path]);
  expect(loaded.errors).toEqual([]);
  return loaded.objects.map(({ object }) => object);
}

function find(objects: readonly KubeObject[], kind: string, name: string): KubeObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) {
    throw new Error(`${kind} ${name} is not in the file`);
  }
  return found;
}

const rulesOf = (role: KubeObject) => role['rules'] as PolicyRule[];

/** `group → sorted resources`, the shape both the table and the ClusterRole are compared in. */
function byGroup(entries: readonly (readonly [string, string])[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const [group, resource] of entries) {
    (groups[group] ??= []).push(resource);
  }
  return Object.fromEntries(Object.entries(groups).map(([group, resources]) => [group, resources.sort()]));
}

function aboveLow(objects: KubeObject[]) {
  return scan(catalog, { objects: objects.map((object) => ({ object })) })
    .findings.filter(
      (finding) =>
        finding.status === FindingStatus.Open && severityRank(finding.severity) > severityRank(Severity.Low),
    )
    .map(({ check, severity, resource }) => ({ check, severity, kind: resource.kind, name: resource.name }));
}

describe('deploy/assessor-rbac.yaml', () => {
  let objects: KubeObject[];
  beforeAll(async () => {
    objects = await load(DEFAULT_FILE);
  });

  it('grants get and list on exactly the resources the collector lists, grouped by API group', () => {
    const rules = rulesOf(find(objects, 'ClusterRole', 'kubeassay-assessor'));
    const resourceRules = rules.filter((rule) => rule.resources !== undefined);
    const granted = resourceRules.flatMap((rule) =>
      (rule.apiGroups ?? []).flatMap((group) =>
        (rule.resources ?? []).map((resource) => [group, resource] as const),
      ),
    );

    expect(byGroup(granted)).toEqual(
      byGroup(COLLECTED_RESOURCES.map((resource) => [resource.group, resource.plural] as const)),
    );
    expect(new Set(granted.map(([group, resource]) => `${group}/${resource}`)).size).toBe(granted.length);
    for (const rule of resourceRules) {
      expect(rule.apiGroups).toHaveLength(1);
      expect([...(rule.verbs ?? [])].sort()).toEqual(['get', 'list']);
      expect(rule.resourceNames).toBeUndefined();
      expect(rule.nonResourceURLs).toBeUndefined();
    }
  });

  it('grants nothing on Secrets, no wildcard, no write verb', () => {
    const rules = rulesOf(find(objects, 'ClusterRole', 'kubeassay-assessor'));
    const words = rules.flatMap((rule) => [
      ...(rule.apiGroups ?? []),
      ...(rule.resources ?? []),
      ...(rule.nonResourceURLs ?? []).filter((url) => !DISCOVERY_URLS.includes(url)),
      ...(rule.verbs ?? []),
    ]);
    expect(words.filter((word) => word.includes('*'))).toEqual([]);
    expect(words.filter((word) => /secret/i.test(word))).toEqual([]);
    expect([...new Set(rules.flatMap((rule) => rule.verbs ?? []))].sort()).toEqual(['get', 'list']);
  });

  it('allows only discovery and the server version outside resources, read-only', () => {
    const urlRules = rulesOf(find(objects, 'ClusterRole', 'kubeassay-assessor')).filter(
      (rule) => rule.nonResourceURLs !== undefined,
    );
    expect(urlRules).toEqual([{ nonResourceURLs: DISCOVERY_URLS, verbs: ['get'] }]);
  });

  it('binds the role to the assessor service account, which mounts no token and has a token Secret', () => {
    const binding = find(objects, 'ClusterRoleBinding', 'kubeassay-assessor');
    expect(binding['roleRef']).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'kubeassay-assessor',
    });
    expect(binding['subjects']).toEqual([ASSESSOR]);
    expect(find(objects, 'ServiceAccount', ASSESSOR.name)['automountServiceAccountToken']).toBe(false);
    const token = find(objects, 'Secret', 'kubeassay-assessor-token');
    expect(token['type']).toBe('kubernetes.io/service-account-token');
    expect(token.metadata.namespace).toBe(ASSESSOR.namespace);
    expect(token.metadata.annotations).toMatchObject({ 'kubernetes.io/service-account.name': ASSESSOR.name });
    expect(token['data'] ?? token['stringData']).toBeUndefined();
  });

  it('passes Kubeassay’s own checks with nothing above low', () => {
    expect(aboveLow(objects)).toEqual([]);
  });
});

describe('deploy/assessor-secret-metadata-rbac.yaml', () => {
  it('adds list on Secrets only, for the same service account', async () => {
    const objects = await load(SECRET_METADATA_FILE);
    const role = find(objects, 'ClusterRole', 'kubeassay-assessor-secret-metadata');
    expect(rulesOf(role)).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }]);
    const binding = find(objects, 'ClusterRoleBinding', 'kubeassay-assessor-secret-metadata');
    expect(binding['roleRef']).toMatchObject({ kind: 'ClusterRole', name: role.metadata.name });
    expect(binding['subjects']).toEqual([ASSESSOR]);
  });

  it('is, with the default file, all of deploy/, and Kubeassay reports its risk: its one finding above low', async () => {
    const deployed = await load('deploy');
    expect(deployed).toHaveLength(
      (await load(DEFAULT_FILE)).length + (await load(SECRET_METADATA_FILE)).length,
    );
    expect(aboveLow(deployed)).toEqual([
      {
        check: 'rbac-secrets-read',
        severity: Severity.High,
        kind: 'ClusterRole',
        name: 'kubeassay-assessor-secret-metadata',
      },
    ]);
  });
});
