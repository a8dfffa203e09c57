/**
 * The facts an Ofsted report states in a labelled line: the visit dates ("Inspection
 * dates: 10 to 14 June 2024"), the publication date ("Report published: 30 June 2014"),
 * the lead inspector, and the local authority it is about. Each is found by its label's
 * words, so a label split across text pieces is still found; a value that does not read
 * as what it should be is left unread, never guessed.
 */
import type { PageText, TextLine } from "./pdf-text.ts";
import { compact, CompactText, readDay, readDayRanges } from "./words.ts";

export function pageString(page: PageText): string {
  return page.lines.map((line) => line.text).join("\n");
}

/** The text after the first label (compact form) on the page, to the end of the page. */
function afterLabel(page: PageText, labels: readonly string[]): string | undefined {
  const text = new CompactText(pageString(page));
  for (const label of labels) {
    const at = text.value.indexOf(label);
    if (at >= 0) return text.after(at + label.length).replace(/^\s*[:\-–]?\s*/, "");
  }
  return undefined;
}

export interface VisitDays {
  /** From the first day of the first part to the last day of the last. */
  start: string;
  end: string;
  /** A visit made in parts ("5 to 9 December 2022 and 14 to 15 February 2023"): each part. */
  parts?: { start: string; end: string }[];
}

/**
 * The days of the visit, from "Inspection dates:" (or "Inspection date:", "Dates of
 * inspection:"): a range, several ranges joined by "and" (a visit in parts), or a single
 * day when that is all the report gives ("Inspection date: 28 July 2016").
 */
export function readVisitDays(page: PageText): VisitDays | undefined {
  const after = afterLabel(page, ["inspectiondates", "inspectiondate", "datesofinspection", "dateofinspection"]);
  if (after === undefined) return undefined;
  const ranges = readDayRanges(after.slice(0, 160));
  if (ranges.length === 0) {
    const day = readDay(after.slice(0, 60));
    return day ? { start: day, end: day } : undefined;
  }
  const visit: VisitDays = { start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end };
  if (ranges.length > 1) visit.parts = ranges;
  return visit;
}

/** The visit from its first day to its last (every part of it). */
export function readVisit(page: PageText): { start: string; end: string } | undefined {
  const days = readVisitDays(page);
  return days ? { start: days.start, end: days.end } : undefined;
}

/** The publication date, where the report states one ("Report published: 30 June 2014", "Published: 23 August 2013"). */
export function readPublished(page: PageText): string | undefined {
  const after = afterLabel(page, ["reportpublished", "dateofpublication", "publicationdate", "published"]);
  return after === undefined ? undefined : readDay(after.slice(0, 60));
}

const TITLES: readonly [RegExp, string][] = [
  [/,?\s*(?:Her|His) Majesty[’']s Inspector$/i, "HMI"],
  [/\s+Senior HMI$/, "Senior HMI"],
  [/,?\s+HMI$/, "HMI"],
];

/** A person's name: two to six words of letters, with apostrophes, hyphens and full stops. */
const NAME = /^\p{Lu}[\p{L}’'.-]*(?: (?:\p{Lu}[\p{L}’'.-]*|de|van|von|der|du|le|la|da|di|bin|al)){1,5}$/u;

function nameWithTitle(written: string, nextLine: TextLine | undefined): string | undefined {
  let name = written.replace(/\s+/g, " ").trim();
  let title: string | undefined;
  for (const [pattern, short] of TITLES) {
    if (pattern.test(name)) {
      name = name.replace(pattern, "").trim();
      title = short;
      break;
    }
  }
  if (!title && nextLine && /^(?:her|his)majestysinspector$/.test(compact(nextLine.text))) title = "HMI";
  if (!NAME.test(name)) return undefined;
  return title ? `${name} ${title}` : name;
}

/**
 * The lead inspector, as the report names them, with the title "Her (His) Majesty's
 * Inspector" written HMI as editors write it: "Lead inspector: Nicki Shaw, His Majesty's
 * Inspector" -> "Nicki Shaw HMI". A line that says "Deputy lead inspector" is not it.
 */
export function readLeadInspector(page: PageText): string | undefined {
  for (let index = 0; index < page.lines.length; index++) {
    const line = page.lines[index]!;
    const words = compact(line.text);
    const label = ["leadinspector", "reportinginspector"].find((candidate) => words.startsWith(candidate));
    if (!label) continue;
    const text = new CompactText(line.text);
    let written = text.after(label.length).replace(/^\s*[:\-–]?\s*/, "");
    let next = page.lines[index + 1];
    if (written === "" && next) {
      written = next.text;
      next = page.lines[index + 2];
    }
    const name = nameWithTitle(written, next);
    if (name) return name;
  }
  return undefined;
}

/**
 * The local authority the report is about, as its first page names it: "Inspection of
 * Oxfordshire local authority children's services" -> "Oxfordshire"; the heading above
 * "Inspection of services for children in need ..." (or "Re-inspection of ...") ->
 * "Oxfordshire County Council"; the board a review of a safeguarding board is about,
 * "Surrey Safeguarding Children Board" -> "Surrey". A running header drawn before the
 * title ("Inspection of X children's services") is passed over for the title itself.
 */
export function readAuthority(page: PageText): string | undefined {
  const lines = page.lines.map((line) => line.text.trim()).filter((line) => !/^\d+$/.test(line));
  const text = lines.slice(0, 12).join(" ").replace(/\s+/g, " ");
  const named =
    /Inspection of (?:the )?((?:(?!Inspection of).)+?) local\s*authority\s*children[’']?s\s*services/i.exec(text) ??
    /Inspection of (?:the )?(?!services\b|local\s*authority\b|children)(.+?)(?:[’']s)?\s+children[’']?s\s*(?:social care\s*)?services/i.exec(
      text,
    );
  if (named) return named[1]!.trim();
  const heading =
    /^(.+?)\s+(?:Re-?\s?)?Inspection of (?:services for children|local\s*authority children|children[’']?s social care)/i.exec(
      text,
    ) ?? /^(.+?)\s+(?:Local\s+)?Safeguarding Children[’']?s? Board\b/i.exec(text);
  return heading ? heading[1]!.trim() : undefined;
}
