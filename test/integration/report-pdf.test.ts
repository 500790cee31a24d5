import { execFile } from 'node:child_process';
import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { loadPaths } from '../../src/collectors/manifests/load-paths';
import { DEFAULT_PARSE_LIMITS } from '../../src/collectors/manifests/limits';
import { catalog } from '../../src/engine/checks/catalog';
import { InputErrorCode } from '../../src/engine/input-error';
import { Severity } from '../../src/engine/model';
import { scan } from '../../src/engine/scan';
import { buildReport } from '../../src/reports/build-report';
import { printPdf } from '../../src/reports/pdf/pdf-printer';
import { renderPdfReport } from '../../src/reports/pdf/render-pdf';
import { Posture, type ReportModel } from '../../src/reports/report-model';
import { type ReportParties, reportInputFromScan } from '../../src/reports/scan-report-input';
import { appendixIntro, moreOpenFindings } from '../../src/reports/text/findings';
import { HEAT_MAP_INTRO } from '../../src/reports/text/heat-map';
import { SECTION_TITLES } from '../../src/reports/text/sections';
import { syntheticReportInput } from '../support/synthetic-report';

const ARTIFACTS = resolve('test/artifacts');
const PARTIES: ReportParties = {
  consultancy: { name: 'Assay & Co' },
  client: 'Shop Ltd',
  engagement: '2026 annual review',
  cluster: { name: 'shop-prod' },
  confidentiality: 'Confidential',
  assessedAt: '2026-11-27T10:00:00.000Z',
};
/** The heat map's red (a cell with an open critical finding), as rendered. */
const CRITICAL_RED = [0xd7, 0x30, 0x27];

/**
 * pdfjs-dist is an ES module, which Jest's CommonJS runtime cannot import: a child Node process extracts each
 * page's text and renders the pages asked for to PNG (with @napi-rs/canvas), counting the pixels of one colour.
 */
const PDF_TOOL = `
import { readFileSync, writeFileSync } from 'node:fs';
const [pdfjsUrl, canvasUrl, file, requests, colour] = process.argv.slice(1);
const pdfjs = await import(pdfjsUrl);
const canvasModule = await import(canvasUrl);
const createCanvas = canvasModule.createCanvas ?? canvasModule.default.createCanvas;
const [r, g, b] = JSON.parse(colour);
const renders = JSON.parse(requests);
const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
const pixels = {};
for (let number = 1; number <= doc.numPages; number++) {
  const page = await doc.getPage(number);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\\n' : '')).join(''));
  const out = renders[number];
  if (out !== undefined) {
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: canvas.getContext('2d'), viewport, canvas }).promise;
    writeFileSync(out, canvas.toBuffer('image/png'));
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count++;
    }
    pixels[number] = count;
  }
}
process.stdout.write(JSON.stringify({ pages, pixels }));
`;

interface PdfReading {
  pages: string[];
  /** Pixels of the colour asked for, by rendered page. */
  pixels: Record<number, number>;
}

/** Reads the PDF (text of every page); `renders` maps page numbers to PNG files to render them to. */
async function readPdf(file: string, renders: Record<number, string> = {}): Promise<PdfReading> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      PDF_TOOL,
      pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
      pathToFileURL(require.resolve('@napi-rs/canvas')).href,
      file,
      JSON.stringify(renders),
      JSON.stringify(CRITICAL_RED),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as PdfReading;
}

async function exampleModel(): Promise<ReportModel> {
  const loaded = await loadPaths(['examples'], DEFAULT_PARSE_LIMITS);
  return buildReport(reportInputFromScan(scan(catalog, { objects: loaded.objects }), catalog, PARTIES));
}

function writeArtifact(name: string, pdf: Buffer): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, name);
  writeFileSync(file, pdf);
  return file;
}

/** Text runs are split where the layout breaks lines: compare with whitespace squeezed out. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

describe('PDF report of the example', () => {
  let model: ReportModel;
  let pdf: Buffer;
  let reading: PdfReading;
  let heatMapPage: number;

  beforeAll(async () => {
    model = await exampleModel();
    pdf = await renderPdfReport(model);
    const file = writeArtifact('report-example.pdf', pdf);
    heatMapPage =
      (await readPdf(file)).pages.findIndex((page) => squeeze(page).includes(squeeze(HEAT_MAP_INTRO))) + 1;
    reading = await readPdf(file, {
      1: join(ARTIFACTS, 'report-example-page-1.png'),
      [heatMapPage]: join(ARTIFACTS, 'report-example-heat-map.png'),
    });
  }, 60_000);

  it('has every section, the top risks and every failing check in its body, after the contents', () => {
    const bodyStart = reading.pages.findIndex((page) => page.includes('Overall posture'));
    expect(bodyStart).toBeGreaterThan(1);
    const contents = squeeze(reading.pages.slice(1, bodyStart).join('\n'));
    const body = squeeze(reading.pages.slice(bodyStart).join('\n'));
    for (const title of Object.values(SECTION_TITLES)) {
      expect(contents).toContain(squeeze(title));
      expect(body).toContain(squeeze(title));
    }
    expect(model.executive.topRisks).toHaveLength(5);
    for (const risk of model.executive.topRisks) {
      expect(body).toContain(squeeze(risk.check.title));
    }
    for (const section of model.findings) {
      expect(body).toContain(squeeze(section.check.id));
    }
  });

  it('shows the cover, running header and page numbers', () => {
    const [cover, , , summary] = reading.pages;
    for (const text of ['Assay & Co', 'Shop Ltd', '2026 annual review', 'shop-prod', model.cover.reportId]) {
      expect(cover).toContain(text);
    }
    expect(cover).toContain('27 November 2026, 10:00 UTC');
    expect(cover).toContain('Confidential');
    expect(cover).not.toContain('Page 1 of');
    expect(summary).toContain(`Report ${model.cover.reportId}`);
    expect(summary).toContain(`Page 4 of ${reading.pages.length}`);
  });

  it('draws the heat map in vector colour on its own page, rendered to PNG with the cover', () => {
    expect(heatMapPage).toBe(5);
    expect(reading.pages[heatMapPage - 1]).toContain(SECTION_TITLES.heatMap);
    // Cells with an open critical finding are red: about 21,000 pixels each at this scale, none on the cover.
    const critical = model.matrix.cells.filter((cell) => cell.posture === Posture.Critical).length;
    expect(critical).toBe(3);
    expect(reading.pixels[heatMapPage]).toBeGreaterThan(critical * 18_000);
    expect(reading.pixels[1]).toBe(0);
  });

  it('embeds its fonts (no standard PDF font is referenced)', () => {
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/FontFile2/g)?.length).toBeGreaterThanOrEqual(3);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it('gives the same bytes for the same model, dated from the assessment', async () => {
    const again = await renderPdfReport(await exampleModel());
    expect(again.equals(pdf)).toBe(true);
    expect(pdf.toString('latin1')).toContain('(D:20261127100000Z)');
    const later = await renderPdfReport({
      ...model,
      cover: { ...model.cover, assessedAt: '2026-12-01T08:30:00Z' },
    });
    expect(later.toString('latin1')).toContain('(D:20261201083000Z)');
    expect(later.equals(pdf)).toBe(false);
  }, 30_000);
});

describe('PDF report with hostile strings', () => {
  let server: Server;
  let requests: string[];
  let url: string;
  let dir: string;
  let secretFile: string;

  beforeAll(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png' }).end();
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x.png`;
    dir = mkdtempSync(join(tmpdir(), 'kubeassay-pdf-'));
    secretFile = join(dir, 'secret.png');
    writeFileSync(secretFile, 'not for the report');
  });

  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Paths pdfmake and pdfkit hand to the file system while `work` runs. */
  async function pathsRead(work: () => Promise<unknown>): Promise<string[]> {
    const paths: string[] = [];
    const record = (path: unknown) => paths.push(String(path));
    // The spies call through: they only record the paths.
    const readFileSync = jest.spyOn(fs, 'readFileSync');
    const openSync = jest.spyOn(fs, 'openSync');
    const createReadStream = jest.spyOn(fs, 'createReadStream');
    const readFile = jest.spyOn(fs.promises, 'readFile');
    try {
      await work().catch(() => undefined);
    } finally {
      for (const spy of [readFileSync, openSync, createReadStream, readFile]) {
        spy.mock.calls.forEach((call) => record(call[0]));
        spy.mockRestore();
      }
    }
    return paths;
  }

  function hostileModel(model: ReportModel): ReportModel {
    const hostile = structuredClone(model);
    hostile.cover.client = url;
    hostile.cover.engagement = '{"image":"/etc/passwd"}';
    hostile.cover.cluster = { name: secretFile, version: 'file:///etc/passwd' };
    hostile.cover.consultancy = { name: `file://${secretFile}` };
    hostile.cover.confidentiality = '/etc/passwd';
    const [first] = hostile.findings;
    first!.resources[0] = {
      resource: { apiVersion: 'v1', kind: 'Pod', namespace: '/etc', name: 'passwd' },
      container: url,
      message: secretFile,
      evidencePath: '/etc/passwd',
    };
    hostile.appendix[0] = {
      ...hostile.appendix[0]!,
      resource: { apiVersion: 'v1', kind: 'Pod', name: secretFile },
      message: url,
    };
    hostile.triage.accepted.push({
      check: first!.check,
      checkId: first!.check.id,
      resource: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: url },
      justification: `![x](${url}) <img src="${url}">`,
      byException: false,
    });
    hostile.limitations.inputErrors = [
      { code: InputErrorCode.MalformedYaml, message: url, file: secretFile, line: 1 },
    ];
    hostile.limitations.gaps = [{ kind: '/etc/passwd', reason: url, checks: [] }];
    return hostile;
  }

  it('prints client strings literally: no request is made and no file but the fonts is read', async () => {
    const model = hostileModel(await exampleModel());
    let pdf: Buffer = Buffer.alloc(0);
    const paths = await pathsRead(async () => {
      pdf = await renderPdfReport(model);
    });
    expect(requests).toEqual([]);
    expect(pdf.toString('latin1')).not.toContain('/URI');
    expect(paths.some((path) => path.includes('Roboto-Regular.ttf'))).toBe(true);
    expect(paths.filter((path) => path.includes('passwd') || path.includes(dir))).toEqual([]);
    const text = squeeze((await readPdf(writeArtifact('report-hostile.pdf', pdf))).pages.join('\n'));
    for (const literal of [
      url,
      secretFile,
      `file://${secretFile}`,
      '{"image":"/etc/passwd"}',
      '/etc/passwd',
    ]) {
      expect(text).toContain(squeeze(literal));
    }
  }, 60_000);

  it('refuses a document naming a URL or a local file, before fetching or reading it', async () => {
    const image = { content: [{ image: 'logo' }] };
    await expect(printPdf({ ...image, images: { logo: url } })).rejects.toThrow(
      /Access to URL denied by resource access policy/,
    );
    const paths = await pathsRead(async () => {
      await expect(printPdf({ content: [{ image: secretFile }] })).rejects.toThrow(
        /Access to local file denied by resource access policy/,
      );
      await expect(printPdf({ content: [{ image: '/etc/passwd' }] })).rejects.toThrow(/denied/);
    });
    expect(requests).toEqual([]);
    expect(paths.filter((path) => path.includes('passwd') || path.includes(dir))).toEqual([]);
  });
});

describe('PDF report of a 50k-pod cluster', () => {
  it('renders in seconds to at most 60 pages, grouped, and says where the findings it leaves out are', async () => {
    const model = buildReport(syntheticReportInput(50_000, { ...PARTIES, client: 'Synthetic Corp' }));
    expect(model.appendix.length).toBeGreaterThan(50_000);
    const started = performance.now();
    const pdf = await renderPdfReport(model);
    const seconds = (performance.now() - started) / 1000;
    const file = writeArtifact('report-50k-pods.pdf', pdf);
    const heatMapPage =
      (await readPdf(file)).pages.findIndex((page) => squeeze(page).includes(squeeze(HEAT_MAP_INTRO))) + 1;
    const reading = await readPdf(file, {
      1: join(ARTIFACTS, 'report-50k-pods-page-1.png'),
      [heatMapPage]: join(ARTIFACTS, 'report-50k-pods-heat-map.png'),
    });
    expect(seconds).toBeLessThan(20);
    expect(reading.pages.length).toBeLessThanOrEqual(60);
    const text = squeeze(reading.pages.join('\n'));
    for (const title of Object.values(SECTION_TITLES)) {
      expect(text).toContain(squeeze(title));
    }
    expect(model.executive.topRisks[0]!.check.severity).toBe(Severity.Critical);
    for (const risk of model.executive.topRisks) {
      expect(text).toContain(squeeze(risk.check.title));
    }
    const { entries, omitted } = model.pagedAppendix;
    expect(text).toContain(squeeze(appendixIntro(entries.length, model.appendix.length)));
    expect(text).toContain(squeeze(moreOpenFindings(omitted)));
    expect(entries.length + omitted).toBe(model.appendix.length);
  }, 180_000);
});
