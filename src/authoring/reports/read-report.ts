/**
 * Reads what an Ofsted report on a council's children's services says: its framework's
 * family (single inspection framework or ILACS), the local authority, the visit, the
 * publication date where stated, the lead inspector, every judgement, the list of what
 * must improve and a headline sentence. Nothing is guessed: what cannot be read is left
 * out, for the draft to list for an editor.
 *
 * Pages are opened only as needed: an ILACS report says almost everything on its first
 * two pages; a single inspection framework report's contents page says where the rest
 * is (the recommendations, the review of the safeguarding board, the inspection team).
 */
import { authorityPart, contentsEntries, isContentsPage, pageOf, type ContentsEntry } from "./contents.ts";
import { pageString, readAuthority, readLeadInspector, readPublished, readVisit, readVisitDays } from "./facts.ts";
import { firstSentence, SUMMARY_HEADINGS, summarySentence } from "./headline.ts";
import { readImprovementList } from "./improvements.ts";
import { pageTable, readLscb, readSifOverall, type ReportFamily } from "./judgements.ts";
import { openPdf, UnreadablePdf, type PageText, type PdfText } from "./pdf-text.ts";
import { recogniseWording, titleOf } from "./wording.ts";
import { compact, CompactText, GRADE } from "./words.ts";
import { formatDayRange } from "../../model/dates.ts";

export interface ReportReading {
  family: ReportFamily;
  authority?: string;
  /** From the first day on site to the last, every part of the visit included. */
  visit?: { start: string; end: string };
  /** A visit made in parts: each part, in order (absent for a visit in one part). */
  visitParts?: { start: string; end: string }[];
  published?: string;
  leadInspector?: string;
  /** Area id -> grade id, as the report's table (and, for the SIF, its sentences) give them. */
  judgements: Record<string, string>;
  /** Area id -> where its grade was read, for each grade read from somewhere other than the judgement table. */
  readOutsideTable: Record<string, string>;
  /** A single inspection framework report that includes the review of the LSCB. */
  reviewsLscb: boolean;
  /** A review of a Local Safeguarding Children Board on its own: no judgement of the council's services. */
  boardReviewOnly: boolean;
  /** Undefined when no list was found. */
  improvements?: string[];
  headline?: string;
  pageCount: number;
  pagesRead: number;
}

export type ReadOutcome = { ok: true; reading: ReportReading } | { ok: false; reason: string };

/** Pages `from` to `to` that are not the contents page. */
async function pagesFrom(pdf: PdfText, from: number, to: number): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (let number = Math.max(1, from); number <= Math.min(to, pdf.pageCount); number++) {
    const page = await pdf.page(number);
    if (!isContentsPage(page)) pages.push(page);
  }
  return pages;
}

/**
 * The answer `found` gives on the first of the pages `first` where it gives one; failing
 * those, on every other page, from page 2 forwards or from the last page backwards.
 */
async function findOnPages<T>(
  pdf: PdfText,
  first: readonly number[],
  found: (page: PageText) => T | undefined,
  fallback: "forwards" | "backwards" = "forwards",
): Promise<T | undefined> {
  const tried = new Set<number>();
  const rest = Array.from({ length: Math.max(0, pdf.pageCount - 1) }, (_, index) => index + 2);
  const order = [...first, ...(fallback === "forwards" ? rest : rest.reverse())];
  for (const number of order) {
    if (tried.has(number) || number < 1 || number > pdf.pageCount) continue;
    tried.add(number);
    const page = await pdf.page(number);
    if (isContentsPage(page)) continue;
    const answer = found(page);
    if (answer !== undefined) return answer;
  }
  return undefined;
}

/** The improvement list that starts on the first page (of `candidates`, then every page) with its heading, followed onto later pages. */
async function readImprovements(pdf: PdfText, candidates: readonly number[]): Promise<string[] | undefined> {
  const start = await findOnPages(pdf, candidates, (page) => (readImprovementList([page]) ? page.number : undefined));
  if (start === undefined) return undefined;
  for (let last = start; ; last++) {
    const list = readImprovementList(await pagesFrom(pdf, start, last));
    if (!list || list.ended || last >= pdf.pageCount || last - start >= 4) return list?.items;
  }
}

async function contentsOf(pdf: PdfText): Promise<ContentsEntry[]> {
  for (let number = 2; number <= Math.min(5, pdf.pageCount); number++) {
    const page = await pdf.page(number);
    if (isContentsPage(page)) return contentsEntries(page);
  }
  return [];
}

async function readSif(pdf: PdfText, first: PageText, reading: ReportReading): Promise<void> {
  const { text, table } = pageTable(first, "sif");
  if (table) for (const [area, grade] of table.judgements) reading.judgements[area] = grade;
  const overall = readSifOverall(text, table?.start ?? text.value.length);
  if (overall) {
    reading.judgements["overall-effectiveness"] = overall;
    reading.readOutsideTable["overall-effectiveness"] = "the sentence that states it on the first page";
  }
  reading.reviewsLscb = /reviewoftheeffectivenessofthelocalsafeguardingchildrenboard/.test(text.value.slice(0, 600));

  // Printed page numbers are the PDF's in these reports; the pages either side are tried too.
  const contents = await contentsOf(pdf);
  const ownPart = authorityPart(contents);
  const near = (page: number | undefined) => (page === undefined ? [] : [page, page + 1, page - 1]);
  const boardPage = pageOf(contents, "localsafeguardingchildrenboard", "lscb");
  const lscbOnPage = (page: PageText) => readLscb(new CompactText(pageString(page)));
  const onFirst = readLscb(text);
  const lscb = onFirst ?? (reading.reviewsLscb ? await findOnPages(pdf, near(boardPage), lscbOnPage) : undefined);
  if (lscb) {
    reading.judgements["lscb-review"] = lscb;
    reading.readOutsideTable["lscb-review"] = onFirst
      ? "the sentence that states it on the first page"
      : "the heading of the report's section on the safeguarding board";
  }

  const teamPage = pageOf(contents, "informationaboutthisinspection");
  const lead = await findOnPages(pdf, near(teamPage), readLeadInspector, "backwards");
  if (lead) reading.leadInspector = lead;
  reading.improvements = await readImprovements(pdf, near(pageOf(ownPart, "needtoimprove", "recommendations")));
  const summaryPage = pageOf(ownPart, ...SUMMARY_HEADINGS);
  const year = reading.visit && Number(reading.visit.start.slice(0, 4));
  const headline = await findOnPages(pdf, [...near(summaryPage), 2, 3], (page) => summarySentence(page, year));
  if (headline) reading.headline = headline;
}

/**
 * A review of a safeguarding board on its own: the board's judgement stated on the first
 * page ("The Local Safeguarding Children Board requires improvement"), its
 * recommendations, its lead inspector, and the first sentence after the judgement.
 */
async function readBoardReview(pdf: PdfText, first: PageText, reading: ReportReading): Promise<void> {
  const text = new CompactText(pageString(first));
  reading.reviewsLscb = true;
  const lscb = readLscb(text);
  if (lscb) {
    reading.judgements["lscb-review"] = lscb;
    reading.readOutsideTable["lscb-review"] = "the sentence that states it on the first page";
    const at = new RegExp(`safeguardingchildren(?:s)?board(?:lscb)?(?:is|are)?${GRADE}`).exec(text.value);
    const headline =
      at &&
      firstSentence(
        text
          .after(at.index + at[0].length)
          .split("\n")
          .slice(0, 12),
      );
    if (headline) reading.headline = headline;
  }
  const lead = await findOnPages(pdf, [], readLeadInspector, "backwards");
  if (lead) reading.leadInspector = lead;
  reading.improvements = await readImprovements(pdf, [1, 2, 3, 4, 5, 6]);
}

async function readIlacs(pdf: PdfText, first: PageText, reading: ReportReading): Promise<void> {
  const { text, table } = pageTable(first, "ilacs");
  if (table) {
    for (const [area, grade] of table.judgements) reading.judgements[area] = grade;
    const year = reading.visit && Number(reading.visit.start.slice(0, 4));
    const headline = firstSentence(text.after(table.end).split("\n").slice(0, 20), year);
    if (headline) reading.headline = headline;
  }
  reading.leadInspector = readLeadInspector(first);
  reading.improvements = await readImprovements(pdf, [1, 2, 3]);
}

/**
 * The report's front: its first page, which holds the title, dates and judgements in every
 * report seen; with the second page joined on when the first does not give the visit (a
 * cover page, or a table pushed over the page).
 */
async function frontOf(pdf: PdfText): Promise<PageText> {
  const first = await pdf.page(1);
  if (readVisit(first) || pdf.pageCount < 2) return first;
  const second = await pdf.page(2);
  return { number: 1, lines: [...first.lines, ...second.lines] };
}

/** Reads an open PDF as a report. */
export async function readReportText(pdf: PdfText): Promise<ReadOutcome> {
  const first = await frontOf(pdf);
  if (compact(pageString(first)).length < 20)
    return { ok: false, reason: "it has no text to read (a scanned image?): it needs text recognition (OCR) first" };
  const wording = recogniseWording(first);
  const days = readVisitDays(first);
  const visit = days && { start: days.start, end: days.end };
  if ("other" in wording) {
    const when = visit ? ` (on site ${formatDayRange(visit.start, visit.end)})` : "";
    return {
      ok: false,
      reason: `'${titleOf(first)}'${when} is ${wording.other}, not a graded inspection report (single inspection framework or ILACS)`,
    };
  }
  const reading: ReportReading = {
    family: wording.family,
    judgements: {},
    readOutsideTable: {},
    reviewsLscb: false,
    boardReviewOnly: wording.boardReviewOnly === true,
    pageCount: pdf.pageCount,
    pagesRead: 0,
  };
  const authority = readAuthority(first);
  if (authority) reading.authority = authority;
  if (visit) reading.visit = visit;
  if (days?.parts) reading.visitParts = days.parts;
  const published = readPublished(first);
  if (published) reading.published = published;
  const read = reading.boardReviewOnly ? readBoardReview : wording.family === "sif" ? readSif : readIlacs;
  await read(pdf, first, reading);
  reading.pagesRead = pdf.pagesRead();
  return { ok: true, reading };
}

/** Reads a report from its bytes: the reading, or why it cannot be read. */
export async function readReport(bytes: Uint8Array): Promise<ReadOutcome> {
  let pdf: PdfText;
  try {
    pdf = await openPdf(bytes);
  } catch (error) {
    if (error instanceof UnreadablePdf) return { ok: false, reason: error.message };
    throw error;
  }
  try {
    return await readReportText(pdf);
  } catch (error) {
    if (error instanceof UnreadablePdf) return { ok: false, reason: error.message };
    throw error;
  } finally {
    await pdf.close();
  }
}
