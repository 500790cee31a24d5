/**
 * The report's own prose, written once for both renderings. A `Prose` string is plain text with two marks that
 * both understand, as in the check catalog's text: `code` and **strong**. A newline inside it is a soft break:
 * the Markdown report keeps it (readers see a space) so that its source stays wrapped, and the PDF joins the
 * lines.
 *
 * Prose never carries a string from a client's cluster: the renderers place those themselves, escaped. The
 * functions that build prose take counts, catalog ids and dates only.
 */
export type Prose = string;

/** A paragraph, or a bulleted list whose items are prose. */
export type ProseBlock = { paragraph: Prose } | { list: Prose[] };

/** A titled part of a section, such as the methodology's "Scores". */
export interface ProsePart {
  heading: string;
  blocks: ProseBlock[];
}
