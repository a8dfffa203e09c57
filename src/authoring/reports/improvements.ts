/**
 * The report's list of what the local authority must improve: "What needs to improve"
 * (ILACS, bulleted), "What does the local authority need to improve?" (single inspection
 * framework, 2013-15, numbered, sometimes in two groups) or "Recommendations" (2015-17).
 *
 * A list is read by its layout, since its words are the report's own: an item starts with
 * a bullet or the next number; a line indented past the item's marker continues it; a
 * line back at the margin is a sub-heading when an item follows it, and otherwise ends
 * the list (the next section's heading). Page numbers, running headers and footnotes
 * (smaller type) are passed over, so a list may run onto the next page.
 */
import type { PageText, TextLine } from "./pdf-text.ts";
import { compact, joinLines } from "./words.ts";

export const IMPROVEMENT_HEADINGS = ["whatneedstoimprove", "whatdoesthelocalauthorityneedtoimprove", "recommendations"];

type Marker = { type: "bullet" } | { type: "number"; value: number };

const BULLET = /^[\u2022\u2023\u2043\u2219\u25a0-\u25ff\u27a2\u2013\uf000-\uf0ff*-]\s*/;
const NUMBER = /^(\d{1,3})\s*\.\s+/;

function markerOf(text: string): { marker: Marker; rest: string } | undefined {
  const bullet = BULLET.exec(text);
  if (bullet) return { marker: { type: "bullet" }, rest: text.slice(bullet[0].length) };
  const number = NUMBER.exec(text);
  if (number) return { marker: { type: "number", value: Number(number[1]) }, rest: text.slice(number[0].length) };
  return undefined;
}

/** A page number, a running header ("Inspection of X local authority children's services", "12 to 23 February 2024 2"). */
function isPageFurniture(line: TextLine): boolean {
  const text = line.text.trim();
  const words = compact(text);
  return (
    /^\d{1,3}$/.test(text) ||
    (words.startsWith("inspectionof") && words.endsWith("childrensservices")) ||
    /\b(19|20)\d\d\s+\d{1,3}$/.test(text)
  );
}

/** A heading line; not a contents page's entry for it ("Recommendations 8"). */
function isHeading(line: TextLine, headings: readonly string[]): boolean {
  if (/\s\d{1,3}$/.test(line.text.trim())) return false;
  const words = compact(line.text);
  // "What needs to improve?1" (a footnote), "What needs to improve in this local authority?"
  return headings.some((heading) => words.startsWith(heading) && words.length <= heading.length + 24);
}

interface Item {
  marker: Marker;
  x: number;
  size: number;
  lines: string[];
}

export interface ImprovementList {
  items: string[];
  /** False when the list runs to the end of the last page given: the next page may continue it. */
  ended: boolean;
}

/**
 * The list under the first of `headings` on these pages (consecutive, from the one with
 * the heading), or undefined when no heading with a list under it is found.
 */
export function readImprovementList(
  pages: readonly PageText[],
  headings = IMPROVEMENT_HEADINGS,
): ImprovementList | undefined {
  const lines = pages.flatMap((page) => page.lines.filter((line) => !isPageFurniture(line)));
  const start = lines.findIndex((line) => isHeading(line, headings));
  if (start < 0) return undefined;
  const items: Item[] = [];
  const follows = (marker: Marker) => {
    const last = items[items.length - 1]?.marker;
    if (!last) return true;
    return (
      last.type === marker.type && (marker.type === "bullet" || marker.value === (last as { value: number }).value + 1)
    );
  };
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index]!;
    const current = items[items.length - 1];
    if (current && line.size < current.size * 0.85) continue; // a footnote
    const marked = markerOf(line.text.trim());
    if (marked && follows(marked.marker)) {
      items.push({ marker: marked.marker, x: line.x, size: line.size, lines: [marked.rest] });
      continue;
    }
    if (current && !marked && line.x > current.x + 2) {
      current.lines.push(line.text);
      continue;
    }
    // At the margin: a sub-heading if an item comes next, under at most one more sub-heading
    // ("Areas for improvement" / "Quality of practice" / "17. ..."), or, before the first
    // item, soon; else the list is over. A heading of strengths is never part of the list.
    const next = lines
      .slice(index + 1, index + 4)
      .filter((candidate) => !current || candidate.size >= current.size * 0.85)
      .slice(0, 2)
      .map((candidate) => markerOf(candidate.text.trim()))
      .find((candidate) => candidate !== undefined);
    if (next && follows(next.marker) && !/strength/.test(compact(line.text))) continue;
    if (!current && index - start <= 3) continue;
    return items.length > 0 ? { items: items.map((item) => joinLines(item.lines)), ended: true } : undefined;
  }
  return items.length > 0 ? { items: items.map((item) => joinLines(item.lines)), ended: false } : undefined;
}
