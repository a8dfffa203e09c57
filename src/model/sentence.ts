/**
 * The comparison as one sentence a reader can take away ("Good in all five areas, up from
 * 'requires improvement' for help and protection in 2018"). Generated from the rows, never
 * written by hand, so it cannot drift from the table beside it.
 *
 * It says only what is known (docs/domain.md): it counts the areas this inspection judged
 * and says what became of the others (kept their earlier ratings; not on this site yet),
 * and an area that was part of a combined judgement then is never spoken of as if it had
 * been judged alone.
 */
import { stepsBetween } from "./crosswalk.ts";
import { shortFromLabel } from "./labels.ts";
import { yearOf } from "./dates.ts";
import type { Comparison, ComparisonRow, Grade, Inspection, Judgement, NoArrowCode } from "./types.ts";

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
 * The judgements a headline counts: every judgement the report made of the organisation's
 * services, sub-judgements included (the SIF graded adoption and care leavers apart from
 * children looked after, and a headline that left them out would say "inadequate in all
 * four areas" of a report that graded them requires improvement). Judgements shown apart
 * (a review of the safeguarding board) are not the organisation's own.
 */
export function headlineJudgements(inspection: Inspection): Judgement[] {
  return inspection.judgements.filter((judgement) => !judgement.area.separate);
}

function gradeGroups(graded: readonly Judgement[]): [Grade, string[]][] {
  const groups = new Map<Grade, string[]>();
  for (const judgement of graded) {
    const grade = judgement.outcome as Grade;
    groups.set(grade, [...(groups.get(grade) ?? []), judgement.area.short]);
  }
  return [...groups.entries()].sort(([a, areasA], [b, areasB]) => areasB.length - areasA.length || a.rank - b.rank);
}

/**
 * "Good in all five areas", "Good in three of four areas and requires improvement for help
 * and protection". When some areas were not judged, or their grades are not on this site,
 * the counts are of the grades given here ("Good in the three areas judged"), never of
 * the framework's areas.
 */
export function gradesPhrase(inspection: Inspection): string {
  const counted = headlineJudgements(inspection);
  const graded = counted.filter((judgement) => judgement.outcome.kind === "grade");
  const judged = counted.filter((judgement) => judgement.outcome.kind !== "not-judged");
  // Gradings that give every grade in force say what was published, not what was judged (ratings.ts).
  const inForce = inspection.framework.inspectorate.gradings === "in-force";
  // A kind that judges only the areas each inspection lists may list none (docs/frameworks.md).
  if (judged.length === 0 && counted.length > 0)
    return inForce
      ? "The grading published after this inspection holds no grade"
      : "No area is listed as judged at this inspection";
  if (graded.length === 0) {
    return judged.some((judgement) => judgement.outcome.kind === "unknown")
      ? "The grades from this inspection are not on this site yet"
      : "No grades given";
  }
  const complete = graded.length === counted.length;
  const total = graded.length;
  const ordered = gradeGroups(graded);
  if (ordered.length === 1) {
    const [grade, areas] = ordered[0]!;
    if (total === 1) return `${grade.short} for ${areas[0]}`;
    if (complete) return `${grade.short} in ${total === 2 ? "both" : `all ${numberWord(total)}`} areas`;
    if (total <= 2) return `${grade.short} for ${listPhrase(areas)}`;
    return graded.length === judged.length
      ? `${grade.short} in the ${numberWord(total)} areas ${inForce ? "graded" : "judged"}`
      : `${grade.short} in ${numberWord(total)} areas`;
  }
  const phrases = ordered.map(([grade, areas], index) => {
    const label = index === 0 ? grade.short : grade.short.toLowerCase();
    if (areas.length <= 2) return `${label} for ${listPhrase(areas)}`;
    if (index > 0) return `${label} in ${numberWord(areas.length)}`;
    const of = complete
      ? ` of ${numberWord(total)}`
      : graded.length === judged.length
        ? ` of the ${numberWord(total)}`
        : "";
    return `${label} in ${numberWord(areas.length)}${of} areas${!complete && of ? (inForce ? " graded" : " judged") : ""}`;
  });
  return capitalise(listPhrase(phrases));
}

/** Areas named, or counted when there are many: "care leavers", "safe and caring", "four areas". */
function areasPhrase(areas: readonly string[]): string {
  return areas.length <= 3 ? listPhrase(areas) : `${numberWord(areas.length)} areas`;
}

/**
 * Gradings that give every grade in force: the grades published under another framework
 * of the line beside this one's ("four more grades published under Quality themes"). An
 * area with no grade is not spoken of: the grading says only what it holds.
 */
function alsoInForceClauses(inspection: Inspection): string[] {
  const byFramework = new Map<string, number>();
  for (const { framework } of inspection.alsoInForce)
    byFramework.set(framework.shortName, (byFramework.get(framework.shortName) ?? 0) + 1);
  return [...byFramework].map(
    ([name, count]) => `${numberWord(count)} more ${count === 1 ? "grade" : "grades"} published under ${name}`,
  );
}

/** What the headline leaves out: grades not on this site yet, and ratings that still stand. */
export function remainderClauses(inspection: Inspection): string[] {
  const counted = headlineJudgements(inspection);
  const clauses: string[] = [];
  const unknown = counted.filter((judgement) => judgement.outcome.kind === "unknown");
  const anyGrade = counted.some((judgement) => judgement.outcome.kind === "grade");
  if (unknown.length > 0 && anyGrade) {
    const areas = unknown.map((judgement) => judgement.area.short);
    clauses.push(
      `the ${areas.length === 1 ? "grade" : "grades"} for ${areasPhrase(areas)} ${areas.length === 1 ? "is" : "are"} not on this site yet`,
    );
  }
  const notJudged = counted.filter((judgement) => judgement.outcome.kind === "not-judged");
  if (notJudged.length === 0) return [...clauses, ...alsoInForceClauses(inspection)];
  const carried = notJudged.flatMap((judgement) => inspection.ratings?.after.ratings.get(judgement.area.id) ?? []);
  const years = [...new Set(carried.map((rating) => yearOf(rating.inspection.placedOn)))].sort();
  const none = notJudged.length === counted.length;
  const others =
    notJudged.length <= 2 && !none
      ? listPhrase(notJudged.map((judgement) => judgement.area.short))
      : none
        ? notJudged.length === 1
          ? "its one area"
          : notJudged.length === 2
            ? "both areas"
            : `all ${numberWord(notJudged.length)} areas`
        : `the other ${numberWord(notJudged.length)}`;
  const one = notJudged.length === 1;
  if (inspection.framework.inspectorate.gradings === "in-force") return [...clauses, ...alsoInForceClauses(inspection)];
  if (carried.length === notJudged.length) {
    const when =
      years.length === 1
        ? `${years[0]} ${one ? "rating" : "ratings"}`
        : `earlier ratings (from ${listPhrase(years.map(String))})`;
    clauses.push(`${others} ${one ? "keeps its" : "keep their"} ${when}`);
  } else if (none) {
    clauses.push(
      carried.length === 0
        ? "none has an earlier rating on this site"
        : `${numberWord(carried.length)} of the ${numberWord(notJudged.length)} keep earlier ratings`,
    );
  } else if (carried.length === 0) {
    clauses.push(
      `${others} ${one ? "was" : "were"} not judged, and ${one ? "has" : "have"} no earlier rating on this site`,
    );
  } else {
    clauses.push(
      `${others} ${one ? "was" : "were"} not judged; ${numberWord(carried.length)} of them keep earlier ratings`,
    );
  }
  return clauses;
}

interface Movement {
  change: "improved" | "declined";
  year: number;
  phrase: string;
}

/**
 * "up from 'requires improvement' for help and protection"; for an area that was part of
 * a combined judgement then, that judgement is named, so no reader takes it for a grade
 * of the area alone.
 */
interface MovementGroup {
  change: "improved" | "declined";
  year: number;
  label: string;
  /** Areas judged on their own then. */
  plain: string[];
  /** Areas that were part of a combined judgement then, by that judgement's name. */
  split: Map<string, string[]>;
}

/** "children in care (then part of the single judgement 'children in care and care leavers')". */
function splitPhrase([combined, areas]: [string, string[]]): string {
  const then =
    areas.length > 1 ? `then one judgement, '${combined}'` : `then part of the single judgement '${combined}'`;
  return `${listPhrase(areas)} (${then})`;
}

function movements(rows: readonly ComparisonRow[]): Movement[] {
  const groups = new Map<string, MovementGroup>();
  for (const row of rows) {
    if ((row.change !== "improved" && row.change !== "declined") || !row.area) continue;
    const before = row.previous[0]!;
    const year = yearOf(before.inspection!.placedOn);
    const label = before.outcome!.short.toLowerCase();
    const key = `${row.change}\u0000${year}\u0000${label}`;
    const group: MovementGroup = groups.get(key) ?? { change: row.change, year, label, plain: [], split: new Map() };
    groups.set(key, group);
    if (row.relation !== "split") group.plain.push(row.area.short);
    else group.split.set(before.area.short, [...(group.split.get(before.area.short) ?? []), row.area.short]);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.change === b.change ? 0 : a.change === "improved" ? -1 : 1));
  return ordered.map(({ change, year, label, plain, split }) => ({
    change,
    year,
    phrase: `${change === "improved" ? "up" : "down"} from '${label}' for ${listPhrase([...plain, ...[...split].map(splitPhrase)])}`,
  }));
}

function movementPhrase(found: readonly Movement[]): string {
  const years = new Set(found.map((movement) => movement.year));
  if (years.size === 1) return `${listPhrase(found.map((movement) => movement.phrase))} in ${found[0]!.year}`;
  return listPhrase(found.map((movement) => `${movement.phrase} in ${movement.year}`));
}

/** The opening and what it leaves out, joined: "Good in the three areas judged; the other three keep their 2019 ratings". */
function withRemainder(opening: string, inspection: Inspection, rest = ""): string {
  const clauses = remainderClauses(inspection);
  return `${opening}${rest}${clauses.map((clause) => `; ${clause}`).join("")}`;
}

/** Codes where the frameworks themselves forbid a comparison of the area (docs/domain.md). */
const FRAMEWORKS_FORBID = new Set<NoArrowCode>(["frameworks", "no-equivalent", "merged", "new-area", "removed"]);

/** "care leavers", "in 2014 children looked after was 'inadequate' and care leavers 'requires improvement'". */
function mergedClause(row: ComparisonRow, year: number): string {
  const said = (outcome: ComparisonRow["previous"][number]["outcome"]) =>
    !outcome ? "not rated" : outcome.kind === "unknown" ? "not known to this site" : `'${outcome.short.toLowerCase()}'`;
  const parts = row.previous.map(
    (part, index) => `${part.area.short}${index === 0 ? " was" : ""} ${said(part.outcome)}`,
  );
  const then = parts.length ? `: in ${year}, ${listPhrase(parts)}` : `, judged as separate areas in ${year}`;
  return `${row.area!.short} is not compared, as it was more than one judgement then${then}`;
}

/** The codes of rows with no earlier grade to set beside this one. */
const NO_EARLIER_GRADE = new Set<NoArrowCode>([
  "current-not-a-grade",
  "earlier-not-a-grade",
  "no-equivalent",
  "not-judged-then",
  "no-earlier-rating",
]);

/**
 * The year whose grade of the row this site does not know: the earlier grade's, or, for a
 * merged area, the year of its parts when none of them is known. Null otherwise.
 */
function unknownYear(row: ComparisonRow): number | null {
  if (row.why?.code === "earlier-unknown") return yearOf(row.why.inspection.placedOn);
  if (row.why?.code !== "merged" || row.previous.length === 0) return null;
  if (!row.previous.every((part) => part.outcome?.kind === "unknown")) return null;
  return yearOf(row.previous[0]!.inspection!.placedOn);
}

/** "2015's grades for help and protection and leadership are not known to this site: see the report". */
function unknownClauses(rows: readonly ComparisonRow[], anyCompared: boolean): string[] {
  const byYear = new Map<number, string[]>();
  for (const row of rows) {
    const then = unknownYear(row);
    if (then !== null) byYear.set(then, [...(byYear.get(then) ?? []), row.area!.short]);
  }
  // "2015's grades" alone only when none was compared and they are every one not compared.
  const all = !anyCompared && byYear.size === 1 && [...byYear.values()][0]!.length === rows.length;
  return [...byYear].map(([then, areas]) =>
    all
      ? `${then}'s grades are not known to this site: see the report`
      : `${then}'s ${areas.length === 1 ? "grade" : "grades"} for ${areasPhrase(areas)} ${areas.length === 1 ? "is" : "are"} not known to this site: see the report`,
  );
}

/**
 * What the sentence says of the areas judged here that have no arrow, by why (the rows'
 * codes): grades not known to this site, and areas the frameworks do not let be compared.
 * An unknown grade of this inspection is said by the remainder, not here.
 */
function uncomparedClauses(
  rows: readonly ComparisonRow[],
  year: number,
  current: Inspection,
  anyCompared: boolean,
): string[] {
  const clauses = unknownClauses(rows, anyCompared);
  for (const row of rows)
    if (row.why?.code === "merged" && unknownYear(row) === null) clauses.push(mergedClause(row, year));
  const fresh = rows.filter((row) => row.why?.code === "new-area").map((row) => row.area!.short);
  if (fresh.length)
    clauses.push(`${listPhrase(fresh)} ${fresh.length === 1 ? "is" : "are"} new in ${current.framework.shortName}`);
  const noGrade = rows.filter((row) => row.why && NO_EARLIER_GRADE.has(row.why.code)).map((row) => row.area!.short);
  if (noGrade.length)
    clauses.push(`${areasPhrase(noGrade)} ${noGrade.length === 1 ? "has" : "have"} no earlier grade to compare with`);
  return clauses;
}

const judgedHere = (inspection: Inspection, row: ComparisonRow) =>
  inspection.judgements.some((judgement) => judgement.area === row.area && judgement.outcome.kind !== "not-judged");

export function comparisonSentence(comparison: Comparison): string {
  const current = comparison.current;
  const opening = gradesPhrase(current);
  const year = yearOf(comparison.previous.placedOn);
  if (comparison.apart) {
    // The full reason sits beside every row of the table; the sentence, shown in lists and
    // feeds too, says it in a few words.
    const why =
      comparison.apart.code === "no-grade-translation"
        ? `the grades are on a different scale and cannot be compared with ${year}'s`
        : stepsBetween(comparison.previous.framework, current.framework)
          ? `the grades cannot be compared with ${year}'s, as this inspection is filed under the framework before`
          : `the grades cannot be compared with ${year}'s, as the two frameworks are not linked`;
    return `${withRemainder(opening, current)}; ${why}.`;
  }
  const judgedRows = comparison.rows.filter((row) => row.judgedAgain && row.area);
  const uncompared = judgedRows.filter((row) => row.change === "no-arrow" && row.why?.code !== "current-unknown");
  const compared = judgedRows.filter((row) => row.change !== "no-arrow");
  const unchanged = compared.filter((row) => row.change === "unchanged");
  const found = movements(comparison.rows);
  let middle = "";
  if (found.length > 0) middle = `, ${movementPhrase(found)}`;
  else {
    // Only areas the opening speaks of: not grades published under another framework (ratings.ts).
    const spoken = unchanged.filter((row) => judgedHere(current, row));
    const years = [...new Set(spoken.map((row) => yearOf(row.previous[0]!.inspection!.placedOn)))].sort();
    // "The same as" only of the rows compared and unchanged: named when others were not compared.
    const which = uncompared.length > 0 ? ` for ${areasPhrase(spoken.map((row) => row.area!.short))}` : "";
    if (years.length > 0) middle = `, the same as in ${listPhrase(years.map(String))}${which}`;
  }
  const sentence = `${withRemainder(opening, current, middle)}.`;
  if (uncompared.length === 0) return sentence;
  const clauses = uncomparedClauses(uncompared, year, current, compared.length > 0).join("; ");
  // "Cannot be compared" only where the frameworks forbid it, for every area judged.
  if (compared.length === 0 && uncompared.length > 1 && uncompared.every((row) => FRAMEWORKS_FORBID.has(row.why!.code)))
    return `${sentence} No area can be compared directly with ${year}: ${clauses}.`;
  return `${sentence} ${capitalise(clauses)}.`;
}

/** A report of areas shown apart only: what it gave them, and that the services' ratings stand. */
function apartSentence(inspection: Inspection): string {
  const given = inspection.judgements
    .filter((judgement) => judgement.area.separate && judgement.outcome.kind !== "not-judged")
    .map(
      ({ area, outcome }) =>
        `${area.label}: ${outcome.kind === "unknown" ? "not on this site yet" : outcome.short.toLowerCase()}`,
    );
  return `${capitalise(listPhrase(given.length ? given : [inspection.kind.label]))}. Not an inspection of the organisation's own services: their ratings stand.`;
}

/** The sentence for an inspection that has no comparison. */
export function verdictSentence(inspection: Inspection): string {
  if (inspection.comparison) return inspection.comparison.sentence;
  if (!inspection.kind.graded)
    return `A ${shortFromLabel(inspection.kind.label)}: inspectors report what they found but give no grades.`;
  if (inspection.previousChoice === "apart") return apartSentence(inspection);
  const opening = withRemainder(gradesPhrase(inspection), inspection);
  if (inspection.previousChoice === "none") return `${opening}. This inspection is not compared with an earlier one.`;
  return `${opening}. The first graded ${inspection.framework.inspectorate.shortName} inspection of this organisation on this site.`;
}
