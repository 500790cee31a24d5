import { readFileSync, statSync } from 'node:fs';
import type { ReportInput } from '../../../reports/report-input';

type Logo = NonNullable<ReportInput['consultancy']['logo']>;

/** A cover logo is an image of a few KB; anything near this is a mistake in the configuration. */
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

const SIGNATURES: { type: Logo['type']; bytes: number[] }[] = [
  { type: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/**
 * The configured logo file, read once when the worker starts. Its type comes from its first bytes, not its
 * name; a file that is neither PNG nor JPEG, or too large, stops the worker with a message saying so.
 */
export function readConsultancyLogo(path: string): Logo {
  if (statSync(path).size > MAX_LOGO_BYTES) {
    throw new Error(`KUBEASSAY_CONSULTANCY_LOGO: ${path} is larger than ${MAX_LOGO_BYTES} bytes`);
  }
  const data = readFileSync(path);
  const signature = SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => data[index] === byte));
  if (!signature) {
    throw new Error(`KUBEASSAY_CONSULTANCY_LOGO: ${path} is neither a PNG nor a JPEG image`);
  }
  return { data, type: signature.type };
}
