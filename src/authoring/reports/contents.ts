/**
 * A long report's contents page: which page each section starts on. A single inspection
 * framework report runs to forty pages, and its lead inspector, its recommendations and
 * its review of the safeguarding board are far from the front; the contents page says
 * where, so the reader opens those pages instead of all of them.
 */
import type { PageText } from "./pdf-text.ts";
import { compact } from "./words.ts";

export interface ContentsEntry {
  /** The section's title in compact form (words.ts). */
  title: string;
  page: number;
}

/** Whether this page is a contents page: a line that says only "Contents". */
export function isContentsPage(page: PageText): boolean {
  return page.lines.some((line) => compact(line.text) === "contents");
}

/** The entries of a contents page; a title that wraps onto a second line is joined to it. */
export function contentsEntries(page: PageText): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  let pending = "";
  for (const line of page.lines) {
    const text = line.text.trim();
    if (compact(text) === "contents" || /^\d+$/.test(text)) continue;
    const numbered = /^(.*\D)\s*(\d{1,3})$/.exec(text);
    if (!numbered) {
      pending += text;
      continue;
    }
    entries.push({ title: compact(pending + numbered[1]), page: Number(numbered[2]) });
    pending = "";
  }
  return entries;
}

/** The page of the first entry whose title holds one of these compact words. */
export function pageOf(entries: readonly ContentsEntry[], ...words: string[]): number | undefined {
  return entries.find((entry) => words.some((word) => entry.title.includes(word)))?.page;
}

/**
 * The entries of the local authority's part of a single inspection framework report, before
 * the section on the safeguarding board, which has its own "Executive summary" and
 * "Recommendations".
 */
export function authorityPart(entries: readonly ContentsEntry[]): ContentsEntry[] {
  const board = entries.findIndex((entry) => /localsafeguardingchildrenboard|lscb/.test(entry.title));
  return board < 0 ? [...entries] : entries.slice(0, board);
}
