/**
 * The facts an Ofsted report states in a labelled line: the visit dates ("Inspection
 * dates: 10 to 14 June 2024"), the publication date ("Report published: 30 June 2014"),
 * the lead inspector, and the local authority it is about. Each is found by its label's
 * words, so a label split across text pieces is still found; a value that does not read
 * as what it should be is left unread, never guessed.
 */
import type { PageText, TextLine } from "./pdf-text.ts";
import { compact, CompactText, readDay, readDayRange } from "./words.ts";

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

/** The days of the visit, from "Inspection dates:" (or "Inspection date:", "Dates of inspection:"). */
export function readVisit(page: PageText): { start: string; end: string } | undefined {
  const after = afterLabel(page, ["inspectiondates", "inspectiondate", "datesofinspection", "dateofinspection"]);
  return after === undefined ? undefined : readDayRange(after.slice(0, 120));
}

/** The publication date, where the report states one ("Report published: 30 June 2014", "Published: 23 August 2013"). */
export function readPublished(page: PageText): string | undefined {
  const after = afterLabel(page, ["reportpublished", "dateofpublication", "publicationdate", "published"]);
  return after === undefined ? undefined : readDay(after.slice(0, 60));
}

const TITLES: readonly [RegExp, string][] = [
  [/,?\s*(?:Her|His) Majesty[’']s Inspector$/i, "HMI"],
  [/\s+Senior HMI$/, "Senior HMI"],
  [/\s+HMI$/, "HMI"],
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
 * Oxfordshire local authority children's services" -> "Oxfordshire"; or the heading above
 * "Inspection of services for children in need ..." -> "Oxfordshire County Council".
 */
export function readAuthority(page: PageText): string | undefined {
  const lines = page.lines.map((line) => line.text.trim()).filter((line) => !/^\d+$/.test(line));
  const text = lines.slice(0, 12).join(" ").replace(/\s+/g, " ");
  const named =
    /Inspection of (?:the )?(.+?) local\s*authority\s*children[’']?s\s*services/i.exec(text) ??
    /Inspection of (?:the )?(?!services\b|local\s*authority\b|children)(.+?)(?:[’']s)?\s+children[’']?s\s*(?:social care\s*)?services/i.exec(
      text,
    );
  if (named) return named[1]!.trim();
  const heading =
    /^(.+?)\s+Inspection of (?:services for children|local\s*authority children|children[’']?s social care)/i.exec(
      text,
    );
  return heading ? heading[1]!.trim() : undefined;
}
