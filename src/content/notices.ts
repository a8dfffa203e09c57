/**
 * Notices: what the content does not know yet, told as work for an editor, never as a
 * problem (`npm run check` still exits 0). A grade that is in the report but not on this
 * site ('unknown', or an area left out that the kind of inspection judges), visit dates
 * that are not known, a kind that is not known (docs/domain.md, "Three states").
 */
import type { Framework } from "../model/types.ts";
import { KIND_UNKNOWN, kindJudges, UNKNOWN_ID, VISIT_UNKNOWN } from "../model/outcomes.ts";
import type { ContentSet, Entry } from "./content-set.ts";
import type { ContentProblem } from "./problems.ts";
import { sortProblems } from "./problems.ts";
import type { InspectionData } from "./schema.ts";
import { problemIn } from "./validate-frameworks.ts";

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where the grades are: the report, or the report to be linked. */
function fromReport(data: InspectionData): string {
  return data.report ? `add it from the report (${data.report})` : "add it from the report";
}

function inspectionNotices(entry: Entry<InspectionData>, framework: Framework): ContentProblem[] {
  const { data } = entry;
  const notices: ContentProblem[] = [];
  if (data.visit === VISIT_UNKNOWN)
    notices.push(problemIn(entry, ["visit"], "The visit dates are not known, so the inspection is placed by its publication date.", `${capitalised(fromReport(data).replace("add it", "add them"))}.`));
  const kind = data.kind === KIND_UNKNOWN ? undefined : framework.kinds.find((candidate) => candidate.id === data.kind);
  if (data.kind === KIND_UNKNOWN)
    notices.push(problemIn(entry, ["kind"], "The kind of inspection is not known.", `${capitalised(fromReport(data))}: ${framework.kinds.filter((candidate) => candidate.graded).map((candidate) => `'${candidate.id}'`).join(" or ")}.`));
  if (kind && !kind.graded) return notices;
  if (kind?.judges === "some" && Object.keys(data.judgements).length === 0)
    notices.push(problemIn(entry, ["judgements"], "No area is listed, so every area keeps the rating it had before.", `List those this ${kind.label.toLowerCase()} judged, if it judged any (${fromReport(data).replace("add it from", "see")}).`));
  for (const area of framework.areas) {
    const written = data.judgements[area.id];
    if (written === UNKNOWN_ID) {
      notices.push(problemIn(entry, ["judgements", area.id], "The grade is not on this site yet.", `${capitalised(fromReport(data))}.`));
    } else if (written === undefined && (!kind || kindJudges(kind, area.id) === "yes")) {
      notices.push(
        problemIn(entry, ["judgements"], `'${area.id}' is left out, and this kind of inspection judges it, so its grade counts as not known.`, `${capitalised(fromReport(data))}, or write '${area.id}: not-judged' if it was not judged.`),
      );
    }
  }
  return notices;
}

/** Every notice in content that has passed its checks, sorted by file. */
export function contentNotices(content: Pick<ContentSet, "inspections">, frameworks: ReadonlyMap<string, Framework>): ContentProblem[] {
  return sortProblems(
    content.inspections.flatMap((entry) => {
      const framework = frameworks.get(entry.data.framework);
      return framework ? inspectionNotices(entry, framework) : [];
    }),
  );
}
