import { groupVersion, type ServedResource } from './built-in-resources';
import type { ApiGroup, ResourceCatalog } from './resource-catalog';

/** `/version` as a real API server answers it, from a gitVersion such as `v1.30.2` or `v1.29.6-eks-a5ec690`. */
export function versionInfo(gitVersion: string): object {
  const [, major = '', minor = ''] = /^v(\d+)\.(\d+)/.exec(gitVersion) ?? [];
  return {
    major,
    minor,
    gitVersion,
    gitCommit: '39683505b630ff2121012f3c5b16215a1449d5ed',
    gitTreeState: 'clean',
    buildDate: '2024-06-11T20:21:00Z',
    goVersion: 'go1.22.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** `/api`: the legacy core group's versions. */
export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** `/apis`: every named group with its versions, preferred first. */
export function apiGroupList(catalog: ResourceCatalog): object {
  const groups = catalog.groups().filter((group) => group.name !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(groupDescription) };
}

/** `/apis/<group>` */
export function apiGroup(catalog: ResourceCatalog, name: string): object | undefined {
  const group = catalog.groups().find((candidate) => candidate.name === name && name !== '');
  return group && { kind: 'APIGroup', apiVersion: 'v1', ...groupDescription(group) };
}

/** `/api/v1` and `/apis/<group>/<version>`: the resources of one group version. */
export function apiResourceList(catalog: ResourceCatalog, version: string): object | undefined {
  const resources = catalog.inGroupVersion(version);
  if (resources.length === 0) {
    return undefined;
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: version,
    resources: resources.map(apiResource),
  };
}

function groupDescription(group: ApiGroup): object {
  const versions = group.versions.map((version) => ({
    groupVersion: groupVersion({ group: group.name, version }),
    version,
  }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

function apiResource(resource: ServedResource): object {
  return {
    name: resource.plural,
    singularName: resource.kind.toLowerCase(),
    namespaced: resource.namespaced,
    kind: resource.kind,
    verbs: resource.verbs,
    ...(resource.shortNames && { shortNames: resource.shortNames }),
    ...(resource.categories && { categories: resource.categories }),
  };
}
