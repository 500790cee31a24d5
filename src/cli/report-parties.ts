import type { ReportParties } from '../reports/scan-report-input';
import { UsageError } from './usage-error';

/** The report flags of `kubeassay scan`. */
export interface ReportFlags {
  client: string;
  cluster?: string;
  consultancy: string;
  engagement?: string;
  confidentiality: string;
}

/** What was scanned (the cover's cluster without `--cluster`), and what the source knows of the cluster. */
export interface ScannedCluster {
  name: string;
  version?: string;
  platform?: string;
}

/**
 * The assessment date: `SOURCE_DATE_EPOCH` (seconds since 1970-01-01 UTC, the reproducible-builds convention)
 * when set, so that the same scan renders the same report; otherwise now.
 */
export function assessmentDate(env: Readonly<Record<string, string | undefined>>, now: Date): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') {
    return now.toISOString();
  }
  const date = new Date(Number(epoch) * 1000);
  if (!/^\d{1,15}$/.test(epoch) || Number.isNaN(date.getTime())) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not ${epoch}`,
    );
  }
  return date.toISOString();
}

/** Who the report is for and from, from the flags; the cluster is named after what was scanned by default. */
export function reportParties(
  flags: ReportFlags,
  scanned: ScannedCluster,
  assessedAt: string,
): ReportParties {
  return {
    consultancy: { name: flags.consultancy },
    client: flags.client,
    ...(flags.engagement && { engagement: flags.engagement }),
    cluster: {
      name: flags.cluster ?? scanned.name,
      ...(scanned.version && { version: scanned.version }),
      ...(scanned.platform && { platform: scanned.platform }),
    },
    confidentiality: flags.confidentiality,
    assessedAt,
  };
}
