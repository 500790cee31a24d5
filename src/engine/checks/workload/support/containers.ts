import { isRecord } from '../../../inventory/guards';
import type { Container } from '../../../kube-types';

export interface ImageReference {
  /** The registry host (and port) when the reference names one; absent means the runtime's default. */
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/** Splits an image reference the way container runtimes do (`registry:5000/app` is a host with a port, no tag). */
export function parseImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? undefined : image.slice(at + 1);
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasRegistry =
    slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const path = hasRegistry ? name.slice(slash + 1) : name;
  const colon = path.lastIndexOf(':');
  const tagged = colon > path.lastIndexOf('/') && colon < path.length - 1;
  return {
    ...(hasRegistry && { registry: first }),
    repository: tagged ? path.slice(0, colon) : path,
    ...(tagged && { tag: path.slice(colon + 1) }),
    ...(digest !== undefined && DIGEST.test(digest) && { digest }),
  };
}

/** The container's image reference, or undefined when the field is missing, empty or not a string. */
export function imageOf(container: Container): string | undefined {
  const image: unknown = container.image;
  return typeof image === 'string' && image.trim() !== '' ? image.trim() : undefined;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

/** A probe counts only with a handler: the API server rejects an empty probe, so `{}` is no probe at all. */
export function hasProbe(container: Container, field: 'livenessProbe' | 'readinessProbe'): boolean {
  const probe: unknown = container[field];
  return isRecord(probe) && PROBE_HANDLERS.some((handler) => isRecord(probe[handler]));
}
