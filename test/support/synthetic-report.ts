import { generateCluster } from '../../bench/synthetic/cluster';
import { catalog } from '../../src/engine/checks/catalog';
import type { SourcedObject } from '../../src/engine/inventory/inventory';
import { toKubeObject } from '../../src/engine/inventory/kube-object';
import { scan } from '../../src/engine/scan';
import type { ReportInput } from '../../src/reports/report-input';
import { type ReportParties, reportInputFromScan } from '../../src/reports/scan-report-input';

/**
 * The report input of the engine bench's synthetic cluster (`generateCluster`, seeded: the same cluster every
 * time) with `pods` pods, scanned by the whole catalog. 50,000 pods give about 80,000 open findings.
 */
export function syntheticReportInput(pods: number, parties: ReportParties): ReportInput {
  const objects: SourcedObject[] = [];
  for (const item of (generateCluster(pods) as { items: unknown[] }).items) {
    const checked = toKubeObject(item);
    if ('object' in checked) {
      objects.push({ object: checked.object });
    }
  }
  return reportInputFromScan(scan(catalog, { objects }), catalog, parties);
}
