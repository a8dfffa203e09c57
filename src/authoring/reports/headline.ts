/**
 * A short quotation from the report's headline findings, for the editor to keep or
 * replace: the first full sentence, of a quotable length, of the findings that open the
 * report (after the judgement table in ILACS; under "Summary of key findings" or
 * "Executive summary" in the single inspection framework). Quoted exactly, only with its
 * line breaks mended.
 *
 * The quotation is about this inspection: a sentence about an earlier one ("At the last
 * inspection in 2015, ...", "An inspection ... in March 2012 judged services ...", one
 * that names a year before the visit's) is passed over, and so is a sentence that only
 * carries it on ("This resulted in ..."). A sentence about the change since then ("Since
 * the last inspection, services have improved") is about this inspection's findings.
 */
import type { PageText } from "./pdf-text.ts";
import { compact, joinLines } from "./words.ts";

const MIN_WORDS = 6;
const MAX_WORDS = 45;

/** Whether a sentence is about an earlier inspection or time, not this inspection's findings. */
function aboutAnotherTime(sentence: string, visitYear: number | undefined): boolean {
  if (/\bsince\b/i.test(sentence)) return false;
  if (/\b(?:last|previous|earlier|prior)\b[^.]{0,60}\binspect|\blast inspected\b/i.test(sentence)) return true;
  if (visitYear === undefined) return false;
  return [...sentence.matchAll(/\b(?:19|20)\d\d\b/g)].some((year) => Number(year[0]) < visitYear);
}

/** A sentence that carries on the one before ("This resulted in ..."). */
const CARRIES_ON = /^(?:This|These|That|Those|It|They)\b/;

/**
 * The first sentence of these lines that ends with a full stop, has a quotable number of
 * words and is about this inspection (the visit's year, where known, tells earlier years).
 */
export function firstSentence(lines: readonly string[], visitYear?: number): string | undefined {
  const text = joinLines(lines.map((line) => line.replace(/^\d{1,3}\.\s+/, "")));
  const sentences = text.split(/(?<=[.!?][’”']?)\s+(?=[\p{Lu}‘“'"(])/u);
  let skipped = false;
  for (const sentence of sentences) {
    if (aboutAnotherTime(sentence, visitYear) || (skipped && CARRIES_ON.test(sentence))) {
      skipped = true;
      continue;
    }
    skipped = false;
    const words = sentence.split(" ").length;
    if (/[.!?][’”']?$/.test(sentence) && words >= MIN_WORDS && words <= MAX_WORDS) return sentence;
  }
  return undefined;
}

export const SUMMARY_HEADINGS = ["summaryofkeyfindings", "summaryoffindings", "executivesummary"];

/**
 * The first sentence under a summary heading on this page. A lead-in ("This local
 * authority is good because") is passed over for the first numbered finding.
 */
export function summarySentence(page: PageText, visitYear?: number, headings = SUMMARY_HEADINGS): string | undefined {
  const at = page.lines.findIndex((line) => {
    const words = compact(line.text);
    return headings.some((heading) => words.startsWith(heading) && words.length <= heading.length + 2);
  });
  if (at < 0) return undefined;
  const after = page.lines.slice(at + 1).map((line) => line.text);
  const numbered = after.slice(0, 3).findIndex((line) => /^1\.\s/.test(line.trim()));
  return firstSentence(numbered >= 0 ? after.slice(numbered, numbered + 12) : after.slice(0, 16), visitYear);
}
