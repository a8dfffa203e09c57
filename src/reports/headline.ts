/**
 * A short quotation from the report's headline findings, for the editor to keep or
 * replace: the first full sentence, of a quotable length, of the findings that open the
 * report (after the judgement table in ILACS; under "Summary of key findings" or
 * "Executive summary" in the single inspection framework). Quoted exactly, only with its
 * line breaks mended.
 */
import type { PageText } from "./pdf-text.ts";
import { compact, joinLines } from "./words.ts";

const MIN_WORDS = 6;
const MAX_WORDS = 45;

/** The first sentence of these lines that ends with a full stop and has a quotable number of words. */
export function firstSentence(lines: readonly string[]): string | undefined {
  const text = joinLines(lines.map((line) => line.replace(/^\d{1,3}\.\s+/, "")));
  const sentences = text.split(/(?<=[.!?][’”']?)\s+(?=[\p{Lu}‘“'"(])/u);
  return sentences.find((sentence) => {
    const words = sentence.split(" ").length;
    return /[.!?][’”']?$/.test(sentence) && words >= MIN_WORDS && words <= MAX_WORDS;
  });
}

export const SUMMARY_HEADINGS = ["summaryofkeyfindings", "executivesummary"];

/**
 * The first sentence under a summary heading on this page. A lead-in ("This local
 * authority is good because") is passed over for the first numbered finding.
 */
export function summarySentence(page: PageText, headings = SUMMARY_HEADINGS): string | undefined {
  const at = page.lines.findIndex((line) => {
    const words = compact(line.text);
    return headings.some((heading) => words.startsWith(heading) && words.length <= heading.length + 2);
  });
  if (at < 0) return undefined;
  const after = page.lines.slice(at + 1).map((line) => line.text);
  const numbered = after.slice(0, 3).findIndex((line) => /^1\.\s/.test(line.trim()));
  return firstSentence(numbered >= 0 ? after.slice(numbered, numbered + 12) : after.slice(0, 12));
}
