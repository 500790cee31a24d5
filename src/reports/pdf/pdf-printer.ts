import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

/** Font family names used by the document definitions. */
export const TEXT_FONT = 'Roboto';
export const MONO_FONT = 'DejaVuSansMono';

/** Roboto as pdfmake ships it (its bold is the Medium weight). */
const ROBOTO_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

const MONO_FILE_NAME = 'DejaVuSansMono.ttf';

/**
 * pdfmake ships no monospace face: DejaVu Sans Mono is vendored in `fonts/` beside this file. From `dist/`, the
 * font is found there when the build copies it, else in the package's `src/` (a checkout, the CLI).
 */
function monoFontFile(): string {
  const candidates = [join(__dirname, 'fonts', MONO_FILE_NAME)];
  for (let directory = __dirname; dirname(directory) !== directory; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) {
      candidates.push(join(directory, 'src', 'reports', 'pdf', 'fonts', MONO_FILE_NAME));
      break;
    }
  }
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}

const MONO_FILE = monoFontFile();

const FONTS: TFontDictionary = {
  [TEXT_FONT]: {
    normal: join(ROBOTO_DIR, 'Roboto-Regular.ttf'),
    bold: join(ROBOTO_DIR, 'Roboto-Medium.ttf'),
    italics: join(ROBOTO_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(ROBOTO_DIR, 'Roboto-MediumItalic.ttf'),
  },
  [MONO_FONT]: { normal: MONO_FILE, bold: MONO_FILE, italics: MONO_FILE, bolditalics: MONO_FILE },
};

/** The only files pdfmake may read: the font files above. */
const READABLE_FILES: ReadonlySet<string> = new Set(
  Object.values(FONTS).flatMap((family) => Object.values(family) as string[]),
);

/**
 * A PDF from a document definition. Report strings come from clients' clusters, so pdfmake may fetch no URL
 * and read no file but the fonts: a definition naming any other resource (an image path, a font or image
 * URL) is refused with pdfmake's "denied by resource access policy" error before anything is fetched or
 * read. Embedded images must be given as data URLs.
 *
 * pdfmake is a process-wide singleton: its policies and fonts are set again on every call, so no other
 * code in the process can loosen them for a report.
 */
export async function printPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  if (!existsSync(MONO_FILE)) {
    throw new Error(`the PDF monospace font is missing: ${MONO_FILE}`);
  }
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => READABLE_FILES.has(path));
  // pdfmake rewrites the descriptors it is given: hand it a copy.
  pdfmake.setFonts(structuredClone(FONTS));
  return pdfmake.createPdf(definition).getBuffer();
}
