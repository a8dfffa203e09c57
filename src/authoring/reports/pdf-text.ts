/**
 * The text of a PDF, page by page, through pdf.js (pdfjs-dist's legacy build, the one made
 * for Node). The only file that knows pdf.js. Pages are read when first asked for and
 * kept: a report reader needs page 1 and a few others, and reading every page of a
 * forty-page report costs five times as much (docs/drafting.md, "Speed").
 *
 * Before pdf.js sees a file, its first bytes are looked at, so that a web page saved
 * under a report's name is called what it is rather than "Invalid PDF structure".
 */
import { constants, inflateSync } from "node:zlib";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Caps on what one file may cost. A report is a few megabytes whose streams inflate to a
 * few tens, and has tens of pages; a file made to inflate to gigabytes (zeros compress a
 * thousand to one) or to have thousands of pages is refused before pdf.js works on it.
 */
export const PDF_LIMITS = { inflatedBytes: 128 * 1024 * 1024, pages: 1000 };

/** A line of text as drawn on the page: `x` and `y` in points from the bottom left, `size` the font's height. */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  size: number;
}

export interface PageText {
  number: number;
  lines: TextLine[];
}

export interface PdfText {
  pageCount: number;
  /** Page `number` (from 1), read once and kept. */
  page(number: number): Promise<PageText>;
  /** How many pages have been read so far. */
  pagesRead(): number;
  close(): Promise<void>;
}

/** Why a file's text cannot be read, in words for the person who gave it. */
export class UnreadablePdf extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadablePdf";
  }
}

/** What the first bytes say a file is, when it is plainly not a PDF. */
export function notAPdf(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return "the file is empty";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return undefined;
  const start = head
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|head|body)\b/.test(start))
    return "it is a web page (HTML) saved under a .pdf name, not a PDF: download the report itself";
  if (start.startsWith("pk\u0003\u0004")) return "it is a zip archive (perhaps a Word document), not a PDF";
  return "it is not a PDF (a PDF starts with '%PDF-')";
}

/** Lines from pdf.js's text items, in the order the page draws them (which keeps a table's rows together). */
function linesOf(items: readonly unknown[]): TextLine[] {
  const lines: TextLine[] = [];
  let current: TextLine | undefined;
  const finish = () => {
    if (current && current.text.trim() !== "")
      lines.push({ ...current, text: current.text.replace(/\s+/g, " ").trim() });
    current = undefined;
  };
  for (const item of items) {
    if (typeof item !== "object" || item === null || !("str" in item)) continue;
    const { str, transform, height, hasEOL } = item as {
      str: string;
      transform: number[];
      height: number;
      hasEOL: boolean;
    };
    const [x = 0, y = 0] = [transform[4], transform[5]];
    const text = str.replace(/[\u0000-\u0008\u000b-\u001f]/g, "");
    if (current && text.trim() !== "" && Math.abs(y - current.y) > Math.max(2, current.size * 0.6)) finish();
    if (!current) {
      if (text.trim() === "" && !hasEOL) continue;
      current = { text: "", x, y, size: height };
    }
    current.text += text;
    if (text.trim() !== "") current.size = Math.max(current.size, height);
    if (hasEOL) finish();
  }
  finish();
  return lines;
}

function describeFailure(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === "PasswordException")
    return "it is encrypted with a password; open it in a PDF reader and save a copy without one";
  if (name === "InvalidPDFException") return `it is damaged or not a PDF (pdf.js: ${(error as Error).message})`;
  return `pdf.js could not read it (${(error as Error)?.message ?? String(error)})`;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * The total size of the file's Flate streams once inflated, counted up to `limit`: the
 * first stream that takes the total past it stops the count (undefined: within it). Each
 * stream is inflated with its output capped, so a bomb costs no more than the cap.
 * Streams that do not inflate here (damaged, or other filters first) are left to pdf.js.
 */
export function inflatedPastLimit(bytes: Uint8Array, limit: number): number | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const starts = /\bstream(?:\r\n|\n|\r)/g;
  let total = 0;
  let previousEnd = 0;
  for (let found = starts.exec(text); found; found = starts.exec(text)) {
    const begin = found.index + found[0].length;
    const end = text.indexOf("endstream", begin);
    const dictionary = text.slice(Math.max(previousEnd, found.index - 4096), found.index);
    previousEnd = end < 0 ? text.length : end;
    starts.lastIndex = previousEnd;
    if (!dictionary.slice(dictionary.lastIndexOf("obj")).includes("/FlateDecode")) continue;
    try {
      const options = { maxOutputLength: limit - total + 1, finishFlush: constants.Z_SYNC_FLUSH };
      total += inflateSync(bytes.subarray(begin, previousEnd), options).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return limit + 1;
    }
    if (total > limit) return total;
  }
  return undefined;
}

/** Opens a PDF's bytes for reading. Throws `UnreadablePdf` with the reason when it cannot be read. */
export async function openPdf(bytes: Uint8Array): Promise<PdfText> {
  const plainly = notAPdf(bytes);
  if (plainly) throw new UnreadablePdf(plainly);
  if (inflatedPastLimit(bytes, PDF_LIMITS.inflatedBytes) !== undefined)
    throw new UnreadablePdf(
      `its compressed streams inflate to more than ${megabytes(PDF_LIMITS.inflatedBytes)} (the file is ${megabytes(bytes.length)}), far more than any report's; it is not read`,
    );
  let document: PDFDocumentProxy;
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    document = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true })
      .promise;
  } catch (error) {
    throw new UnreadablePdf(describeFailure(error));
  }
  if (document.numPages > PDF_LIMITS.pages) {
    await document.destroy();
    throw new UnreadablePdf(
      `it has ${document.numPages} pages, and a report is read only up to ${PDF_LIMITS.pages}; it is not read`,
    );
  }
  const pages = new Map<number, Promise<PageText>>();
  const read = async (number: number): Promise<PageText> => {
    try {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      page.cleanup();
      return { number, lines: linesOf(content.items) };
    } catch (error) {
      throw new UnreadablePdf(`page ${number} cannot be read: ${describeFailure(error)}`);
    }
  };
  return {
    pageCount: document.numPages,
    page(number) {
      if (number < 1 || number > document.numPages) return Promise.resolve({ number, lines: [] });
      let page = pages.get(number);
      if (!page) pages.set(number, (page = read(number)));
      return page;
    },
    pagesRead: () => pages.size,
    close: () => document.destroy(),
  };
}
