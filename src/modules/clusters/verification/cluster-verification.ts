import type { AccessReport } from '../../../collectors/kubernetes/verify-access';

/** What POST /v1/clusters/:id/verify found, kept on the cluster until its credentials change. */
export interface ClusterVerification extends AccessReport {
  verifiedAt: string;
}
