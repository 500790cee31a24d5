export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export type SecurityProfile = 'hardened' | 'partial' | 'careless';

export interface Owner {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

export interface NodeRef {
  name: string;
  index: number;
  ip: string;
}

export interface AppNamespace {
  name: string;
  profile: SecurityProfile;
}

export interface AppShape {
  name: string;
  namespace: string;
  team: string;
  profile: SecurityProfile;
  serviceAccount: string;
  hasSidecar: boolean;
  hostNetwork: boolean;
  privileged: boolean;
  mountsRuntimeSocket: boolean;
}

export interface PodPlacement {
  owner: Owner;
  name: string;
  node: NodeRef;
  labels: JsonObject;
}
