import type { ReportModel } from '../report-model';

/**
 * Open findings the PDF's Appendix C lists at most (about 10 pages). The model's appendix has all of them, which
 * on a large cluster is tens of thousands of rows: the PDF stays readable and quick to render, and says where
 * the rest is (the JSON export and the Markdown report list every finding).
 */
export const PDF_APPENDIX_ROWS = 300;

/** Checks whose open findings all fit in the PDF's appendix (the model's appendix is in check order). */
export function checksListedInAppendix(model: ReportModel): Set<string> {
  const listed = new Set<string>();
  let rows = 0;
  for (const section of model.findings) {
    rows += section.open;
    if (rows > PDF_APPENDIX_ROWS) {
      break;
    }
    listed.add(section.check.id);
  }
  return listed;
}
