import type { Authentication } from './authentication';
import type { FaultInjector } from './faults';
import { type Answer, badRequest, jsonAnswer } from './status';

interface SelfSubjectAccessReview {
  apiVersion?: string;
  kind?: string;
  spec?: {
    resourceAttributes?: { group?: string; resource?: string };
    nonResourceAttributes?: { path?: string };
  };
}

/** `POST selfsubjectaccessreviews`: allowed unless the resource is configured forbidden. */
export function answerAccessReview(
  body: string,
  faults: FaultInjector,
  authentication: Authentication,
): Answer {
  let review: SelfSubjectAccessReview;
  try {
    review = JSON.parse(body) as SelfSubjectAccessReview;
  } catch {
    return badRequest('the request body is not a JSON SelfSubjectAccessReview');
  }
  const attributes = review.spec?.resourceAttributes;
  if (!attributes && !review.spec?.nonResourceAttributes) {
    return badRequest('spec.resourceAttributes or spec.nonResourceAttributes is required');
  }
  const allowed =
    !attributes || !faults.isForbidden({ group: attributes.group ?? '', plural: attributes.resource ?? '' });
  const status = allowed
    ? {
        allowed,
        reason: `RBAC: allowed by ClusterRoleBinding "kubeassay-assessor" of ClusterRole "kubeassay-assessor" to User "${authentication.user}"`,
      }
    : { allowed };
  return jsonAnswer(201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: review.spec,
    status,
  });
}
