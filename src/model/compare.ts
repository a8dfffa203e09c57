/**
 * The comparison of an inspection with the one before (docs/domain.md, "Area by area"):
 * area by area, between the ratings in force after the previous inspection and what this
 * one gave, through the crosswalks between their frameworks. An area this inspection did
 * not judge keeps its rating, and the row says so; an area it judged is compared with the
 * rating that stood, wherever that came from. An arrow is drawn only where one grade can
 * honestly be set against one grade on the same scale.
 */
import { comparedAreas, type AreaTrace, type Crosswalks } from "./crosswalk.ts";
import { gradesInForce, readInto } from "./ratings.ts";
import { comparisonSentence } from "./sentence.ts";
import { inspectionYear as yearOfInspection } from "./when.ts";
import type {
  Area,
  Change,
  Comparison,
  ComparisonRow,
  Framework,
  Inspection,
  Outcome,
  Rating,
  RatingsInForce,
} from "./types.ts";

function areaOf(framework: Framework, id: string): Area {
  const area = framework.areas.find((candidate) => candidate.id === id);
  if (!area)
    throw new Error(`Framework ${framework.id} has no area ${id}; the content checks should have caught this.`);
  return area;
}

function outcomeOf(inspection: Inspection, areaId: string): Outcome | undefined {
  return inspection.judgements.find((judgement) => judgement.area.id === areaId)?.outcome;
}

/**
 * Gradings that give every grade in force (ratings.ts): an area this framework's columns
 * left empty, whose grade was published under another framework of the line (an
 * inspection's `alsoInForce`), has that grade after this inspection: it is compared as
 * this inspection's.
 */
function publishedOutcome(current: Inspection, area: Area): Outcome | undefined {
  if (!gradesInForce(current) || outcomeOf(current, area.id)?.kind !== "not-judged") return undefined;
  return current.ratings?.after.ratings.get(area.id)?.outcome;
}

/** What is needed to read one comparison's rows. */
interface Context {
  current: Inspection;
  previous: Inspection;
  baseline: RatingsInForce;
  trace: Map<string, AreaTrace>;
  crosswalks: Crosswalks;
}

function changeBetween(current: Outcome, rating: Rating, context: Context): Change {
  const before = rating.outcome;
  if (current.kind !== "grade" || before.kind !== "grade") return "no-arrow";
  const translation = context.crosswalks.translation(context.current.framework, rating.inspection.framework);
  if ("reason" in translation) return "no-arrow";
  const translatedId = translation.translate(before.id);
  const translated =
    translatedId === undefined ? undefined : context.current.framework.scale.outcomes.get(translatedId);
  if (translated?.kind !== "grade") return "no-arrow";
  if (current.rank < translated.rank) return "improved";
  if (current.rank > translated.rank) return "declined";
  return "unchanged";
}

function whyNoArrow(current: Outcome, rating: Rating, context: Context): string {
  const before = rating.outcome;
  const year = yearOfInspection(rating.inspection);
  if (current.kind === "unknown")
    return "The grade from this inspection is not on this site yet, so no change is shown.";
  if (before.kind === "unknown") return `The ${year} grade is not on this site yet, so no change is shown.`;
  if (before.kind === "state") return `${before.label} in ${year}: no grade to compare with.`;
  if (current.kind !== "grade") return `${current.label} this time: no grade to compare with.`;
  const older = rating.inspection.framework;
  const translation = context.crosswalks.translation(context.current.framework, older);
  if ("reason" in translation) return translation.reason;
  // Both are grades, so the scales' declared translation has no equivalent for the old one.
  return `'${before.label}' on the ${older.scale.name} has no declared equivalent on the ${context.current.framework.scale.name}, so no change is shown.`;
}

/** How the area was judged then, when it differs: renamed, or part of a combined judgement. */
function judgedAsNotes(rating: Rating): string[] {
  const year = yearOfInspection(rating.inspection);
  if (rating.relation === "renamed")
    return [`Called '${rating.judgedAs.label}' in ${rating.inspection.framework.shortName}.`];
  if (rating.relation === "split")
    return [
      `In ${year} this was part of one judgement, '${rating.judgedAs.label}'; compared with that combined grade.`,
    ];
  return [];
}

/** A row for an area that had one rating in force before. */
function ratedRow(area: Area, current: Outcome, rating: Rating, context: Context): ComparisonRow {
  const judgedAgain = current.kind !== "not-judged";
  const notes = judgedAsNotes(rating);
  const ratingYear = yearOfInspection(rating.inspection);
  let change: Change = "no-arrow";
  // Gradings that give every grade in force (ratings.ts): an area missing from one has no rating after it.
  const inForce = gradesInForce(context.current);
  if (!judgedAgain && inForce) {
    notes.unshift("Not in the grading published after this inspection: no grade is in force.");
  } else if (!judgedAgain) {
    notes.unshift(`Not judged at this inspection: the ${ratingYear} rating still stands.`);
    if (current.kind === "not-judged" && current.reason) notes.push(current.reason);
  } else {
    change = changeBetween(current, rating, context);
    if (rating.inspection !== context.previous && !inForce)
      notes.push(
        `Not judged in ${yearOfInspection(context.previous)}: compared with the ${ratingYear} rating, which still stood.`,
      );
    if (change === "no-arrow") notes.push(whyNoArrow(current, rating, context));
  }
  const carried = judgedAgain ? undefined : context.current.ratings?.after.ratings.get(area.id);
  return {
    relation: rating.relation,
    area,
    current,
    ...(carried ? { carried } : {}),
    judgedAgain,
    previous: [{ area: rating.judgedAs, outcome: rating.outcome, inspection: rating.inspection }],
    change,
    note: [...notes, ...rating.notes].join(" "),
  };
}

/** A row for an area with no single rating before: made of several, new, or never rated on this site. */
function unratedRow(area: Area, current: Outcome, context: Context): ComparisonRow | null {
  const judgedAgain = current.kind !== "not-judged";
  const trace = context.trace.get(area.id)!;
  const year = yearOfInspection(context.previous);
  const merged = context.baseline.merged.get(area.id);
  const base = { area, current, judgedAgain, change: "no-arrow" as const };
  if (merged || trace.relation === "merged") {
    const parts = trace.from.map((id) => `'${areaOf(context.previous.framework, id).label}'`);
    const previous = (merged ?? []).map((rating) => ({
      area: rating.judgedAs,
      outcome: rating.outcome,
      inspection: rating.inspection,
    }));
    if (!judgedAgain && previous.length === 0) return null;
    const note = `Brings together ${parts.join(" and ")}, judged separately in ${year}, so no single change is shown.`;
    return { ...base, relation: "merged", previous, note: [note, ...trace.notes].join(" ") };
  }
  if (!judgedAgain) return null;
  if (context.baseline.fresh.has(area.id) || trace.relation === "new") {
    const note = `Not judged before: this judgement is new in ${context.current.framework.shortName}.`;
    return { ...base, relation: "new", previous: [], note: [note, ...trace.notes].join(" ") };
  }
  const then = trace.from.map((id) => ({ area: areaOf(context.previous.framework, id), outcome: null }));
  const notJudgedThen = trace.from.some((id) => outcomeOf(context.previous, id)?.kind === "not-judged");
  const note = notJudgedThen
    ? `Not judged in ${year}: no grade to compare with.`
    : "No earlier rating on this site to compare with.";
  return { ...base, relation: trace.relation, previous: then, note: [note, ...trace.notes].join(" ") };
}

function removedRows(context: Context): ComparisonRow[] {
  return context.baseline.removed.map((rating) => ({
    relation: "removed",
    area: null,
    current: null,
    judgedAgain: false,
    previous: [{ area: rating.judgedAs, outcome: rating.outcome, inspection: rating.inspection }],
    change: "no-arrow",
    note: [`No longer judged in ${context.current.framework.shortName}.`, ...rating.notes].join(" "),
  }));
}

function notComparableRows(current: Inspection, reason: string): ComparisonRow[] {
  return current.judgements
    .filter((judgement) => !judgement.area.separate)
    .map((judgement) => ({
      relation: "not-comparable",
      area: judgement.area,
      current: judgement.outcome,
      judgedAgain: judgement.outcome.kind !== "not-judged",
      previous: [],
      change: "no-arrow",
      note: reason,
    }));
}

export function compareInspections(current: Inspection, previous: Inspection, crosswalks: Crosswalks): Comparison {
  const baseline = previous.ratings ? readInto(previous.ratings.after, current.framework, crosswalks) : null;
  const trace = crosswalks.trace(current.framework, previous.framework);
  const translation = crosswalks.translation(current.framework, previous.framework);
  let rows: ComparisonRow[];
  let notComparableReason: string | undefined;
  if (!baseline || !trace || "reason" in translation) {
    notComparableReason =
      translation && "reason" in translation
        ? translation.reason
        : `${current.framework.shortName} does not follow ${previous.framework.shortName}.`;
    rows = notComparableRows(current, notComparableReason);
  } else {
    const context: Context = {
      current,
      previous,
      baseline,
      trace: new Map(trace.areas.map((item) => [item.areaId, item])),
      crosswalks,
    };
    rows = comparedAreas(current.framework).flatMap((area) => {
      const outcome = publishedOutcome(current, area) ?? outcomeOf(current, area.id)!;
      const rating = baseline.ratings.get(area.id);
      return (rating ? ratedRow(area, outcome, rating, context) : unratedRow(area, outcome, context)) ?? [];
    });
    rows.push(...removedRows(context));
  }
  const comparison: Comparison = { current, previous, rows, sentence: "" };
  if (notComparableReason) comparison.notComparableReason = notComparableReason;
  comparison.sentence = comparisonSentence(comparison);
  return comparison;
}
