import type { KubeConfig } from '@kubernetes/client-node';
import { discover } from './discovery';
import { KubeHttp } from './kube-http';
import { platformHints } from './platform';
import { COLLECTED_RESOURCES, type CollectedResource, SECRET_METADATA_RESOURCE } from './resources';

export interface ResourceAccess {
  kind: string;
  group: string;
  resource: string;
  /** Whether the credentials may list it across all namespaces. */
  allowed: boolean;
  /** The authorizer's reason or denial, when it gave one. */
  reason?: string;
}

export interface AccessReport {
  serverVersion?: string;
  platforms: string[];
  /** Every resource the collector would list (optional ones only when served). */
  resources: ResourceAccess[];
  /** Whether the credentials may list Secrets, reported whether or not the client opted in. */
  secretMetadata: ResourceAccess;
}

interface AccessReview {
  status?: { allowed?: boolean; denied?: boolean; reason?: string; evaluationError?: string };
}

async function canList(http: KubeHttp, resource: CollectedResource): Promise<ResourceAccess> {
  const review = await http.postJson<AccessReview>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { resourceAttributes: { verb: 'list', group: resource.group, resource: resource.plural } },
  });
  const reason = review.status?.reason || review.status?.evaluationError;
  return {
    kind: resource.kind,
    group: resource.group,
    resource: resource.plural,
    allowed: review.status?.allowed === true,
    ...(reason && { reason }),
  };
}

/**
 * Connects with the credentials and asks the API server what they may do: its version, the platform it looks
 * like, and for every resource the collector lists whether `list` is allowed (SelfSubjectAccessReview, which
 * any authenticated identity may create).
 */
export async function verifyAccess(kubeConfig: KubeConfig): Promise<AccessReport> {
  const http = await KubeHttp.connect(kubeConfig);
  try {
    const discovery = await discover(http, COLLECTED_RESOURCES);
    const served = COLLECTED_RESOURCES.flatMap((row) => discovery.served(row) ?? []);
    const [secretMetadata, ...resources] = await Promise.all(
      [SECRET_METADATA_RESOURCE, ...served].map((resource) => canList(http, resource)),
    );
    return {
      ...(discovery.version.gitVersion && { serverVersion: discovery.version.gitVersion }),
      platforms: platformHints(discovery.version.gitVersion, discovery.groups),
      resources,
      secretMetadata: secretMetadata!,
    };
  } finally {
    http.close();
  }
}
