import type { KubeHttp } from './kube-http';
import type { CollectedResource } from './resources';

interface ApiGroupList {
  groups?: { name: string; preferredVersion?: { groupVersion: string; version: string } }[];
}

interface ApiResourceList {
  resources?: { name: string; kind: string; namespaced: boolean; verbs?: string[] }[];
}

export interface ServerVersion {
  gitVersion?: string;
  platform?: string;
}

/** What the API server serves: the preferred version of each group, and the resources of the ones asked about. */
export interface Discovery {
  version: ServerVersion;
  /** API group names served, `''` (core) included. */
  groups: ReadonlySet<string>;
  /** The resource to list for each table row the server serves (an optional one at its preferred version). */
  served(resource: CollectedResource): CollectedResource | undefined;
}

/**
 * Reads `/version`, the group list, and the resource lists of the groups the table needs. A required resource
 * missing from discovery is still listed as written (the list answers for itself); an optional one is skipped.
 */
export async function discover(http: KubeHttp, table: readonly CollectedResource[]): Promise<Discovery> {
  const [version, groupList] = await Promise.all([
    http.getJson<ServerVersion>('/version'),
    http.getJson<ApiGroupList>('/apis'),
  ]);
  const preferred = new Map<string, string>([['', 'v1']]);
  for (const group of groupList.groups ?? []) {
    if (group.preferredVersion) {
      preferred.set(group.name, group.preferredVersion.version);
    }
  }
  const optionalGroups = [...new Set(table.filter((row) => row.optional).map((row) => row.group))];
  const servedKinds = new Map<string, { version: string; plural: string; namespaced: boolean }>();
  await Promise.all(
    optionalGroups
      .filter((group) => preferred.has(group))
      .map(async (group) => {
        const version = preferred.get(group)!;
        const list = await http.getJson<ApiResourceList>(`/apis/${group}/${version}`);
        for (const resource of list.resources ?? []) {
          if (!resource.name.includes('/') && resource.verbs?.includes('list') !== false) {
            servedKinds.set(`${group}/${resource.kind}`, {
              version,
              plural: resource.name,
              namespaced: resource.namespaced,
            });
          }
        }
      }),
  );
  return {
    version,
    groups: new Set(preferred.keys()),
    served(resource) {
      if (!resource.optional) {
        return resource;
      }
      const found = servedKinds.get(`${resource.group}/${resource.kind}`);
      return found && { ...resource, ...found };
    },
  };
}
