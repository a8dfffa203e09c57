/**
 * The comparison as one sentence a reader can take away ("Good in all five areas, up from
 * 'requires improvement' for help and protection in 2018"). Generated from the rows, never
 * written by hand, so it cannot drift from the table beside it.
 */
import { shortFromLabel } from "./labels.ts";
import { yearOf } from "./dates.ts";
import type { Comparison, ComparisonRow, Grade, Inspection } from "./types.ts";

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

export function numberWord(count: number): string {
  return NUMBER_WORDS[count] ?? String(count);
}

const list = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

export function listPhrase(items: readonly string[]): string {
  return list.format(items);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "Good in all five areas", "Good in three of four areas and requires improvement for help
 * and protection". Sub-judgements (the SIF's adoption under children looked after) and
 * judgements shown apart are not areas of their own, as the inspectorates count them.
 */
export function gradesPhrase(inspection: Inspection): string {
  const graded = inspection.judgements.filter(
    (judgement) => !judgement.area.separate && !judgement.area.parent && judgement.outcome.kind === "grade",
  );
  if (graded.length === 0) return "No grades given";
  const groups = new Map<Grade, string[]>();
  for (const judgement of graded) {
    const grade = judgement.outcome as Grade;
    groups.set(grade, [...(groups.get(grade) ?? []), judgement.area.short]);
  }
  const total = graded.length;
  const ordered = [...groups.entries()].sort(
    ([a, areasA], [b, areasB]) => areasB.length - areasA.length || a.rank - b.rank,
  );
  if (ordered.length === 1) {
    const [grade, areas] = ordered[0]!;
    if (total === 1) return `${grade.short} for ${areas[0]}`;
    return `${grade.short} in ${total === 2 ? "both" : `all ${numberWord(total)}`} areas`;
  }
  const phrases = ordered.map(([grade, areas], index) => {
    const label = index === 0 ? grade.short : grade.short.toLowerCase();
    if (areas.length <= 2) return `${label} for ${listPhrase(areas)}`;
    return index === 0
      ? `${label} in ${numberWord(areas.length)} of ${numberWord(total)} areas`
      : `${label} in ${numberWord(areas.length)}`;
  });
  return capitalise(listPhrase(phrases));
}

function movementPhrases(rows: readonly ComparisonRow[], change: "improved" | "declined"): string[] {
  const byPreviousGrade = new Map<string, string[]>();
  for (const row of rows) {
    if (row.change !== change || !row.area) continue;
    const previousLabel = row.previous[0]!.outcome!.short.toLowerCase();
    byPreviousGrade.set(previousLabel, [...(byPreviousGrade.get(previousLabel) ?? []), row.area.short]);
  }
  const direction = change === "improved" ? "up" : "down";
  return [...byPreviousGrade.entries()].map(
    ([label, areas]) => `${direction} from '${label}' for ${listPhrase(areas)}`,
  );
}

export function comparisonSentence(comparison: Comparison): string {
  const opening = gradesPhrase(comparison.current);
  const year = yearOf(comparison.previous.visit.start);
  if (comparison.notComparableReason) {
    // The full reason sits beside every row of the table; the sentence, shown in lists and
    // feeds too, says it in a few words.
    const why =
      comparison.current.framework.scale !== comparison.previous.framework.scale
        ? `the grades are on a different scale and cannot be compared with ${year}'s`
        : `the grades cannot be compared with ${year}'s, as the two frameworks are not linked`;
    return `${opening}; ${why}.`;
  }
  const movements = [...movementPhrases(comparison.rows, "improved"), ...movementPhrases(comparison.rows, "declined")];
  if (movements.length > 0) return `${opening}, ${listPhrase(movements)} in ${year}.`;
  if (comparison.rows.some((row) => row.change === "unchanged")) return `${opening}, the same as in ${year}.`;
  return `${opening}. No area can be compared directly with ${year}.`;
}

/** The sentence for an inspection that has no comparison. */
export function verdictSentence(inspection: Inspection): string {
  if (inspection.comparison) return inspection.comparison.sentence;
  if (!inspection.kind.graded)
    return `A ${shortFromLabel(inspection.kind.label)}: inspectors report what they found but give no grades.`;
  const opening = gradesPhrase(inspection);
  if (inspection.previousChoice === "none") return `${opening}. This inspection is not compared with an earlier one.`;
  return `${opening}. The first graded ${inspection.framework.inspectorate.shortName} inspection of this organisation on this site.`;
}
