/**
 * Why a row of a comparison has no arrow, in words: the one place the model's codes
 * (`NoArrow` in src/model/types.ts) become sentences, for the table, its chart's data and
 * every other page that shows a row. "Cannot be compared" is said only where the
 * frameworks forbid it; a grade this site does not know is said to be not known, with
 * where to read it.
 */
import type { ComparisonRow, FrameworksApart, Inspection, NoArrow } from "../model/types.ts";
import { inspectionYear } from "../model/when.ts";

/** Why two frameworks' grades cannot be compared at all. */
export function frameworksApartWords(apart: FrameworksApart): string {
  const { newer, older } = apart;
  switch (apart.code) {
    case "not-linked":
      return `${newer.shortName} and ${older.shortName} are not in one lineage of frameworks, so no crosswalk links their areas.`;
    case "filed-under-replaced":
      return `${older.shortName} replaced ${newer.shortName}, and this inspection is filed under ${newer.shortName}: the crosswalk leads from ${newer.shortName}'s areas to ${older.shortName}'s, not back, so they are not compared.`;
    case "no-grade-translation":
      return `${newer.shortName} grades on the ${newer.scale.name} and ${older.shortName} on the ${older.scale.name}; the inspectorate gives no way to translate one into the other.`;
  }
}

const year = (inspection: Inspection) => inspectionYear(inspection);

/** The reason in a sentence or two, for a reader of the row. */
export function noArrowWords(why: NoArrow, row?: Pick<ComparisonRow, "current">): string {
  switch (why.code) {
    case "frameworks":
      return frameworksApartWords(why.apart);
    case "not-judged-again": {
      const reason = row?.current?.kind === "not-judged" && row.current.reason ? ` ${row.current.reason}` : "";
      return `Not judged at this inspection: the ${year(why.rating.inspection)} rating still stands.${reason}`;
    }
    case "not-in-grading":
      return "Not in the grading published after this inspection: no grade is in force.";
    case "current-unknown":
      return "The grade from this inspection is not on this site yet, so no change is shown.";
    case "earlier-unknown":
      return `The ${year(why.inspection)} grade is not known to this site: see the ${year(why.inspection)} report. No change is shown.`;
    case "current-not-a-grade":
      return `${why.outcome.label} this time: no grade to compare with.`;
    case "earlier-not-a-grade":
      return `${why.outcome.label} in ${year(why.inspection)}: no grade to compare with.`;
    case "no-equivalent":
      return `'${why.grade.label}' on the ${why.older.scale.name} has no declared equivalent on the ${why.newer.scale.name}, so no change is shown.`;
    case "merged":
      return `Brings together ${why.parts.map((area) => `'${area.label}'`).join(" and ")}, judged separately in ${year(why.inspection)}, so no single change is shown.`;
    case "new-area":
      return `Not judged before: this judgement is new in ${why.framework.shortName}.`;
    case "not-judged-then":
      return `Not judged in ${year(why.inspection)}: no grade to compare with.`;
    case "no-earlier-rating":
      return "No earlier rating on this site to compare with.";
    case "removed":
      return `No longer judged in ${why.framework.shortName}.`;
  }
}

/** Everything a reader should know beside the row's change: why there is no arrow, then the row's notes. */
export function rowNote(row: ComparisonRow): string {
  return [row.why ? noArrowWords(row.why, row) : "", row.note].filter(Boolean).join(" ");
}
