/**
 * The comparison of an inspection with its previous one, area by area, through the
 * crosswalks between their frameworks (docs/domain.md, "Area by area"). An arrow is drawn
 * only where one grade can honestly be set against one grade on the same scale.
 */
import { yearOf } from "./dates.ts";
import { gradeTranslation, traceFrameworks, type AreaTrace } from "./crosswalk.ts";
import { comparisonSentence } from "./sentence.ts";
import type { Area, Change, Comparison, ComparisonRow, Framework, Inspection, Outcome } from "./types.ts";

function outcomesByArea(inspection: Inspection): Map<string, Outcome> {
  return new Map(inspection.judgements.map((judgement) => [judgement.area.id, judgement.outcome]));
}

function areaOf(framework: Framework, id: string): Area {
  const area = framework.areas.find((candidate) => candidate.id === id);
  if (!area)
    throw new Error(`Framework ${framework.id} has no area ${id}; the content checks should have caught this.`);
  return area;
}

function changeBetween(
  current: Outcome | null,
  previous: Outcome | null,
  translate: (id: string) => string | undefined,
  newer: Framework,
): Change {
  if (current?.kind !== "grade" || previous?.kind !== "grade") return "no-arrow";
  const translatedId = translate(previous.id);
  const translated = translatedId === undefined ? undefined : newer.scale.outcomes.get(translatedId);
  if (translated?.kind !== "grade") return "no-arrow";
  if (current.rank < translated.rank) return "improved";
  if (current.rank > translated.rank) return "declined";
  return "unchanged";
}

function whyNoArrow(
  current: Outcome | null,
  previous: Outcome | null,
  year: number,
  older: Framework,
  newer: Framework,
): string {
  if (!previous) return `Not judged in ${year}.`;
  if (previous.kind === "state") return `${previous.label} in ${year}: no grade to compare with.`;
  if (current?.kind === "state") return `${current.label} this time: no grade to compare with.`;
  if (!current) return "Not judged this time.";
  // Both are grades, so the scales' declared translation has no equivalent for the old one.
  return `'${previous.label}' on the ${older.scale.name} has no declared equivalent on the ${newer.scale.name}, so no change is shown.`;
}

function rowFor(
  trace: AreaTrace,
  current: Inspection,
  previous: Inspection,
  translate: (id: string) => string | undefined,
): ComparisonRow | null {
  const area = areaOf(current.framework, trace.areaId);
  const currentOutcome = outcomesByArea(current).get(area.id) ?? null;
  const previousOutcomes = outcomesByArea(previous);
  const before = trace.from.map((id) => ({
    area: areaOf(previous.framework, id),
    outcome: previousOutcomes.get(id) ?? null,
  }));
  if (!currentOutcome && before.every((item) => !item.outcome)) return null;

  const year = yearOf(previous.visit.start);
  const notes: string[] = [];
  let change: Change = "no-arrow";
  switch (trace.relation) {
    case "new":
      notes.push(`Not judged before: this judgement is new in ${current.framework.shortName}.`);
      break;
    case "merged":
      notes.push(
        `Brings together ${before.map((item) => `'${item.area.label}'`).join(" and ")}, judged separately in ${year}, so no single change is shown.`,
      );
      break;
    default: {
      const [only] = before;
      change = changeBetween(currentOutcome, only!.outcome, translate, current.framework);
      if (trace.relation === "renamed") notes.push(`Called '${only!.area.label}' in ${previous.framework.shortName}.`);
      if (trace.relation === "split") {
        notes.push(
          `In ${year} this was part of one judgement, '${only!.area.label}'; compared with that combined grade.`,
        );
      }
      if (change === "no-arrow")
        notes.push(whyNoArrow(currentOutcome, only!.outcome, year, previous.framework, current.framework));
    }
  }
  notes.push(...trace.notes);
  return {
    relation: trace.relation,
    area,
    current: currentOutcome,
    previous: before,
    change,
    note: notes.filter(Boolean).join(" "),
  };
}

export function compareInspections(current: Inspection, previous: Inspection): Comparison {
  const trace = traceFrameworks(current.framework, previous.framework);
  const translation = gradeTranslation(current.framework, previous.framework);
  let rows: ComparisonRow[];
  let notComparableReason: string | undefined;

  if (!trace || "reason" in translation) {
    notComparableReason =
      "reason" in translation
        ? translation.reason
        : `${current.framework.shortName} does not follow ${previous.framework.shortName}.`;
    rows = current.judgements
      .filter((judgement) => !judgement.area.separate)
      .map((judgement) => ({
        relation: "not-comparable",
        area: judgement.area,
        current: judgement.outcome,
        previous: [],
        change: "no-arrow",
        note: notComparableReason!,
      }));
  } else {
    rows = trace.areas.flatMap((areaTrace) => rowFor(areaTrace, current, previous, translation.translate) ?? []);
    const previousOutcomes = outcomesByArea(previous);
    for (const removed of trace.removed) {
      const outcome = previousOutcomes.get(removed.areaId);
      if (!outcome) continue;
      rows.push({
        relation: "removed",
        area: null,
        current: null,
        previous: [{ area: areaOf(previous.framework, removed.areaId), outcome }],
        change: "no-arrow",
        note: [`No longer judged in ${current.framework.shortName}.`, ...removed.notes].join(" "),
      });
    }
  }
  const comparison: Comparison = { current, previous, rows, sentence: "" };
  if (notComparableReason) comparison.notComparableReason = notComparableReason;
  comparison.sentence = comparisonSentence(comparison);
  return comparison;
}
