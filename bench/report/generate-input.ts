import { writeFileSync } from 'node:fs';
import type { ReportInput } from '../../src/reports/report-input';
import { syntheticReportInput } from '../../test/support/synthetic-report';
import { answerOnce } from '../collect/measurement';

export interface InputRequest {
  /** The number of findings wanted; the input has about as many. */
  findings: number;
  file: string;
}

export interface GeneratedInput {
  pods: number;
  findings: number;
  generateMs: number;
  inputMiB: number;
}

/** Open findings per pod of the synthetic cluster at scale (79,955 for 50,000 pods). */
const FINDINGS_PER_POD = 1.6;
/** How close to the wanted count an input should come. */
const TOLERANCE = 0.05;
/**
 * Scans tried before settling for the closest: the generator's mix of workloads varies with the pod count, so
 * findings are not quite proportional to pods, and a rescaled scan can overshoot.
 */
const ATTEMPTS = 4;

const PARTIES = {
  consultancy: { name: 'Assay & Co' },
  client: 'Synthetic Corp',
  cluster: { name: 'synthetic' },
  confidentiality: 'Confidential',
  assessedAt: '2026-11-27T10:00:00.000Z',
};

/**
 * The engine's findings on the bench's synthetic cluster (`generateCluster`), scaled towards the count wanted: a
 * first guess from the findings per pod at scale, then pods rescaled by what each scan found, until one comes
 * within 5 % or the attempts run out; the closest is kept.
 */
function inputNear(findings: number): { pods: number; input: ReportInput } {
  let pods = Math.round(findings / FINDINGS_PER_POD);
  const miss = (candidate: ReportInput) => Math.abs(candidate.findings.length - findings);
  let closest: { pods: number; input: ReportInput } | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const input = syntheticReportInput(pods, PARTIES);
    if (closest === undefined || miss(input) < miss(closest.input)) {
      closest = { pods, input };
    }
    if (miss(input) <= findings * TOLERANCE) {
      break;
    }
    pods = Math.round((pods * findings) / input.findings.length);
  }
  return closest!;
}

/** Writes the input as JSON, which each measuring process reads: they all render the very same input. */
function generateInput(request: InputRequest): Promise<GeneratedInput> {
  const started = performance.now();
  const { pods, input } = inputNear(request.findings);
  const json = JSON.stringify(input);
  writeFileSync(request.file, json);
  return Promise.resolve({
    pods,
    findings: input.findings.length,
    generateMs: performance.now() - started,
    inputMiB: Buffer.byteLength(json) / 2 ** 20,
  });
}

answerOnce(generateInput);
