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
  FrameworksApart,
  Inspection,
  NoArrow,
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

/** The change, or why there is no arrow: decided once, as data (docs/domain.md, "Area by area"). */
function changeBetween(current: Outcome, rating: Rating, context: Context): { change: Change; why: NoArrow | null } {
  const before = rating.outcome;
  const noArrow = (why: NoArrow) => ({ change: "no-arrow" as const, why });
  if (current.kind === "unknown") return noArrow({ code: "current-unknown" });
  if (before.kind === "unknown") return noArrow({ code: "earlier-unknown", inspection: rating.inspection });
  if (before.kind !== "grade")
    return noArrow({ code: "earlier-not-a-grade", outcome: before, inspection: rating.inspection });
  if (current.kind !== "grade") return noArrow({ code: "current-not-a-grade", outcome: current });
  const older = rating.inspection.framework;
  const translation = context.crosswalks.translation(context.current.framework, older);
  if ("reason" in translation) return noArrow({ code: "frameworks", apart: translation.reason });
  const translatedId = translation.translate(before.id);
  const translated =
    translatedId === undefined ? undefined : context.current.framework.scale.outcomes.get(translatedId);
  if (translated?.kind !== "grade")
    return noArrow({ code: "no-equivalent", grade: before, older, newer: context.current.framework });
  if (current.rank < translated.rank) return { change: "improved", why: null };
  if (current.rank > translated.rank) return { change: "declined", why: null };
  return { change: "unchanged", why: null };
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
  let why: NoArrow | null = { code: "not-judged-again", rating };
  // Gradings that give every grade in force (ratings.ts): an area missing from one has no rating after it.
  const inForce = gradesInForce(context.current);
  if (!judgedAgain && inForce) why = { code: "not-in-grading" };
  else if (judgedAgain) {
    ({ change, why } = changeBetween(current, rating, context));
    if (rating.inspection !== context.previous && !inForce)
      notes.push(
        `Not judged in ${yearOfInspection(context.previous)}: compared with the ${ratingYear} rating, which still stood.`,
      );
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
    why,
    note: [...notes, ...rating.notes].join(" "),
  };
}

/** A row for an area with no single rating before: made of several, new, or never rated on this site. */
function unratedRow(area: Area, current: Outcome, context: Context): ComparisonRow | null {
  const judgedAgain = current.kind !== "not-judged";
  const trace = context.trace.get(area.id)!;
  const merged = context.baseline.merged.get(area.id);
  const base = { area, current, judgedAgain, change: "no-arrow" as const };
  if (merged || trace.relation === "merged") {
    const parts = trace.from.map((id) => areaOf(context.previous.framework, id));
    const previous = (merged ?? []).map((rating) => ({
      area: rating.judgedAs,
      outcome: rating.outcome,
      inspection: rating.inspection,
    }));
    if (!judgedAgain && previous.length === 0) return null;
    const why: NoArrow = { code: "merged", parts, inspection: context.previous };
    return { ...base, relation: "merged", previous, why, note: trace.notes.join(" ") };
  }
  if (!judgedAgain) return null;
  if (context.baseline.fresh.has(area.id) || trace.relation === "new") {
    const why: NoArrow = { code: "new-area", framework: context.current.framework };
    return { ...base, relation: "new", previous: [], why, note: trace.notes.join(" ") };
  }
  const then = trace.from.map((id) => ({ area: areaOf(context.previous.framework, id), outcome: null }));
  const notJudgedThen = trace.from.some((id) => outcomeOf(context.previous, id)?.kind === "not-judged");
  const why: NoArrow = notJudgedThen
    ? { code: "not-judged-then", inspection: context.previous }
    : { code: "no-earlier-rating" };
  return { ...base, relation: trace.relation, previous: then, why, note: trace.notes.join(" ") };
}

function removedRows(context: Context): ComparisonRow[] {
  return context.baseline.removed.map((rating) => ({
    relation: "removed",
    area: null,
    current: null,
    judgedAgain: false,
    previous: [{ area: rating.judgedAs, outcome: rating.outcome, inspection: rating.inspection }],
    change: "no-arrow",
    why: { code: "removed", framework: context.current.framework },
    note: rating.notes.join(" "),
  }));
}

function notComparableRows(current: Inspection, apart: FrameworksApart): ComparisonRow[] {
  return current.judgements
    .filter((judgement) => !judgement.area.separate)
    .map((judgement) => ({
      relation: "not-comparable",
      area: judgement.area,
      current: judgement.outcome,
      judgedAgain: judgement.outcome.kind !== "not-judged",
      previous: [],
      change: "no-arrow",
      why: { code: "frameworks", apart },
      note: "",
    }));
}

export function compareInspections(current: Inspection, previous: Inspection, crosswalks: Crosswalks): Comparison {
  const baseline = previous.ratings ? readInto(previous.ratings.after, current.framework, crosswalks) : null;
  const trace = crosswalks.trace(current.framework, previous.framework);
  const translation = crosswalks.translation(current.framework, previous.framework);
  let rows: ComparisonRow[];
  let apart: FrameworksApart | undefined;
  if (!baseline || !trace || "reason" in translation) {
    apart =
      "reason" in translation
        ? translation.reason
        : { code: "not-linked", newer: current.framework, older: previous.framework };
    rows = notComparableRows(current, apart);
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
  if (apart) comparison.apart = apart;
  comparison.sentence = comparisonSentence(comparison);
  return comparison;
}
