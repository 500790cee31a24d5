import { BUILT_IN_RESOURCES, groupVersion, type ServedResource } from './built-in-resources';
import type { KubeObject } from './types';

interface CustomResourceDefinitionSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: { kind: string; plural: string; shortNames?: string[]; categories?: string[] };
  versions: { name: string; served: boolean }[];
}

export interface ApiGroup {
  name: string;
  versions: string[];
}

/** Everything the fake serves: the built-in resources plus the custom resources the scenario defines or uses. */
export class ResourceCatalog {
  private readonly byPath = new Map<string, ServedResource>();
  private readonly byKind = new Map<string, ServedResource>();

  constructor(readonly resources: readonly ServedResource[]) {
    for (const resource of resources) {
      const version = groupVersion(resource);
      this.byPath.set(`${version}/${resource.plural}`, resource);
      this.byKind.set(`${version}/${resource.kind}`, resource);
    }
  }

  static forObjects(objects: readonly KubeObject[], plurals: Record<string, string> = {}): ResourceCatalog {
    const resources = [...BUILT_IN_RESOURCES];
    const served = (apiVersion: string, kind: string): boolean =>
      resources.some((resource) => groupVersion(resource) === apiVersion && resource.kind === kind);
    for (const definition of objects.filter(isCustomResourceDefinition)) {
      resources.push(...definedResources(definition.spec as CustomResourceDefinitionSpec));
    }
    for (const object of objects) {
      if (!served(object.apiVersion, object.kind)) {
        resources.push(undefinedCustomResource(object, plurals));
      }
    }
    return new ResourceCatalog(resources);
  }

  resource(version: string, plural: string): ServedResource | undefined {
    return this.byPath.get(`${version}/${plural}`);
  }

  resourceOf(object: KubeObject): ServedResource {
    const resource = this.byKind.get(`${object.apiVersion}/${object.kind}`);
    if (!resource) {
      throw new Error(`fake-kube serves no ${object.apiVersion} ${object.kind}`);
    }
    return resource;
  }

  /** API groups in discovery order, the core group ("") first. */
  groups(): ApiGroup[] {
    const groups = new Map<string, string[]>();
    for (const resource of this.resources) {
      const versions = groups.get(resource.group) ?? [];
      if (!versions.includes(resource.version)) {
        versions.push(resource.version);
      }
      groups.set(resource.group, versions);
    }
    return [...groups].map(([name, versions]) => ({ name, versions }));
  }

  inGroupVersion(version: string): ServedResource[] {
    return this.resources.filter((resource) => groupVersion(resource) === version);
  }
}

function isCustomResourceDefinition(object: KubeObject): boolean {
  return object.apiVersion === 'apiextensions.k8s.io/v1' && object.kind === 'CustomResourceDefinition';
}

function definedResources(spec: CustomResourceDefinitionSpec): ServedResource[] {
  return spec.versions
    .filter((version) => version.served)
    .map((version) => ({
      group: spec.group,
      version: version.name,
      kind: spec.names.kind,
      plural: spec.names.plural,
      namespaced: spec.scope === 'Namespaced',
      verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
      ...(spec.names.shortNames && { shortNames: spec.names.shortNames }),
      ...(spec.names.categories && { categories: spec.names.categories }),
      custom: true,
    }));
}

/** A custom resource whose CRD is not in the scenario: its shape is inferred from the object. */
function undefinedCustomResource(object: KubeObject, plurals: Record<string, string>): ServedResource {
  const [group, version] = object.apiVersion.split('/');
  const builtInGroup = BUILT_IN_RESOURCES.some((resource) => resource.group === (version ? group : ''));
  if (!version || builtInGroup) {
    throw new Error(`fake-kube serves no ${object.apiVersion} ${object.kind}`);
  }
  return {
    group: group as string,
    version,
    kind: object.kind,
    plural: plurals[`${group}/${object.kind}`] ?? `${object.kind.toLowerCase()}s`,
    namespaced: object.metadata.namespace !== undefined,
    verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
    custom: true,
  };
}
