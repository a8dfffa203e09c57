/**
 * Checks scales and frameworks against each other: references, unique ids, and that each
 * crosswalk accounts for every area on both sides exactly once with the right shape for
 * its relation. Comparisons are only as honest as these files.
 */
import { appendAll } from "../model/arrays.ts";
import type { ContentSet, Entry } from "./content-set.ts";
import { noUnreadable, type Unreadable } from "./load.ts";
import { sentences, type ContentProblem } from "./problems.ts";
import type { FieldPath } from "./read-file.ts";
import type { FrameworkData, ScaleData } from "./schema.ts";
import { KIND_UNKNOWN, NOT_JUDGED_ID, RESERVED_OUTCOME_IDS } from "../model/outcomes.ts";
import { fieldName } from "./schema-problems.ts";
import { didYouMean, listOf } from "./suggest.ts";

export function problemIn(entry: Entry<unknown>, path: FieldPath, message: string, fix: string, found?: string): ContentProblem {
  const { line, column } = entry.file.locate(path);
  const problem: ContentProblem = { file: entry.file.path, line, column, field: fieldName(path), message, fix };
  if (found !== undefined) problem.found = found;
  return problem;
}

function duplicateIds(entry: Entry<unknown>, items: readonly { id: string }[], path: FieldPath, what: string): ContentProblem[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return [];
    }
    return [problemIn(entry, [...path, index, "id"], `Two ${what} have the id '${item.id}'.`, "Give each its own id.")];
  });
}

const asList = (ids: string | string[] | undefined): string[] => (ids === undefined ? [] : Array.isArray(ids) ? ids : [ids]);

const ARITY: Record<string, { from: string; to: string; check: (from: number, to: number) => boolean }> = {
  same: { from: "one", to: "one", check: (from, to) => from === 1 && to === 1 },
  renamed: { from: "one", to: "one", check: (from, to) => from === 1 && to === 1 },
  split: { from: "one", to: "two or more", check: (from, to) => from === 1 && to >= 2 },
  merged: { from: "two or more", to: "one", check: (from, to) => from >= 2 && to === 1 },
  new: { from: "no", to: "one or more", check: (from, to) => from === 0 && to >= 1 },
  removed: { from: "one or more", to: "no", check: (from, to) => from >= 1 && to === 0 },
};

function checkCrosswalk(entry: Entry<FrameworkData>, replaced: FrameworkData, replacedId: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const replaces = entry.data.replaces!;
  const oldAreas = replaced.areas.filter((area) => !area.separate).map((area) => area.id);
  const newAreas = entry.data.areas.filter((area) => !area.separate).map((area) => area.id);
  const fromCount = new Map<string, number>();
  const toCount = new Map<string, number>();
  replaces.crosswalk.forEach((link, index) => {
    const path = ["replaces", "crosswalk", index];
    const from = asList(link.from);
    const to = asList(link.to);
    const arity = ARITY[link.relation]!;
    if (!arity.check(from.length, to.length)) {
      const fitting = Object.keys(ARITY).filter((relation) => ARITY[relation]!.check(from.length, to.length));
      const fix = fitting.length > 0 ? `For ${from.length} 'from' and ${to.length} 'to', use ${listOf(fitting).replace(/, (?=[^,]*$)/, " or ")}; or correct 'from' and 'to'.` : "Correct 'from' and 'to'.";
      problems.push(
        problemIn(entry, [...path, "relation"], `A '${link.relation}' link goes from ${arity.from} area${arity.from === "one" ? "" : "s"} of ${replacedId} to ${arity.to} area${arity.to === "one" ? "" : "s"} of this framework.`, fix, `from ${from.length}, to ${to.length}`),
      );
    }
    for (const id of from) {
      fromCount.set(id, (fromCount.get(id) ?? 0) + 1);
      if (!oldAreas.includes(id)) {
        problems.push(problemIn(entry, [...path, "from"], `'${id}' is not an area of ${replacedId}.`, sentences(didYouMean(id, oldAreas), `Its areas: ${listOf(oldAreas)}.`)));
      }
    }
    for (const id of to) {
      toCount.set(id, (toCount.get(id) ?? 0) + 1);
      if (!newAreas.includes(id)) {
        problems.push(problemIn(entry, [...path, "to"], `'${id}' is not an area of this framework.`, sentences(didYouMean(id, newAreas), `Its areas: ${listOf(newAreas)}.`)));
      }
    }
  });
  for (const id of oldAreas) {
    const count = fromCount.get(id) ?? 0;
    if (count !== 1) {
      problems.push(
        problemIn(entry, ["replaces", "crosswalk"], `Area '${id}' of ${replacedId} must appear in the 'from' of exactly one link; it appears in ${count}.`, count === 0 ? "Add a link from it (use 'removed' if it is no longer judged)." : "Keep it in one link's 'from' only."),
      );
    }
  }
  for (const id of newAreas) {
    const count = toCount.get(id) ?? 0;
    if (count !== 1) {
      problems.push(
        problemIn(entry, ["replaces", "crosswalk"], `Area '${id}' must appear in the 'to' of exactly one link; it appears in ${count}.`, count === 0 ? "Add a link to it (use 'new' if nothing came before it)." : "Keep it in one link's 'to' only."),
      );
    }
  }
  return problems;
}

/** A kind's id is not the reserved 'unknown', and the areas it says it judges are the framework's. */
function kindProblems(entry: Entry<FrameworkData>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const areaIds = entry.data.areas.map((area) => area.id);
  entry.data.kinds.forEach((kind, index) => {
    if (kind.id === KIND_UNKNOWN) {
      problems.push(problemIn(entry, ["kinds", index, "id"], `'${KIND_UNKNOWN}' is kept for inspections whose kind the source does not say.`, "Give this kind another id.", kind.id));
    }
    if (!Array.isArray(kind.judges)) return;
    kind.judges.forEach((areaId, position) => {
      if (!areaIds.includes(areaId)) {
        problems.push(problemIn(entry, ["kinds", index, "judges", position], `'${areaId}' is not an area of this framework.`, sentences(didYouMean(areaId, areaIds), `Its areas: ${listOf(areaIds)}.`), areaId));
      }
    });
  });
  return problems;
}

/** No grade or state of a scale may take an id every scale has: 'unknown' and 'not-judged'. */
function reservedOutcomeProblems(scale: Entry<ScaleData>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const list of ["grades", "states"] as const) {
    scale.data[list].forEach((outcome, index) => {
      if (RESERVED_OUTCOME_IDS.includes(outcome.id)) {
        problems.push(
          problemIn(scale, [list, index, "id"], `'${outcome.id}' is built in on every scale (${outcome.id === NOT_JUDGED_ID ? "not judged at this inspection" : "judged, but the grade is not on this site yet"}).`, `Remove it from ${list}; inspections can use it as it is.`, outcome.id),
        );
      }
    });
  }
  return problems;
}

type FrameworkFiles = Pick<ContentSet, "inspectorates" | "scales" | "frameworks">;
type UnreadableFrameworkFiles = Pick<Unreadable, "inspectorates" | "scales" | "frameworks">;

/** A framework's own file: its inspectorate and scale exist, its dates run forwards, its ids are unique. */
function frameworkProblems(entry: Entry<FrameworkData>, content: FrameworkFiles, unreadable: UnreadableFrameworkFiles): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { data } = entry;
  const inspectorateIds = content.inspectorates.map((other) => other.id);
  const scaleIds = content.scales.map((other) => other.id);
  if (!inspectorateIds.includes(data.inspectorate) && !unreadable.inspectorates.has(data.inspectorate)) {
    problems.push(problemIn(entry, ["inspectorate"], `There is no inspectorate '${data.inspectorate}' in content/inspectorates/.`, didYouMean(data.inspectorate, inspectorateIds).trim() || `Add content/inspectorates/${data.inspectorate}.yaml, or name one of: ${listOf(inspectorateIds)}.`));
  }
  if (!scaleIds.includes(data.scale) && !unreadable.scales.has(data.scale)) {
    problems.push(problemIn(entry, ["scale"], `There is no scale '${data.scale}' in content/scales/.`, didYouMean(data.scale, scaleIds).trim() || `Add content/scales/${data.scale}.yaml, or name one of: ${listOf(scaleIds)}.`));
  }
  if (data.inForce.to && data.inForce.to < data.inForce.from) {
    problems.push(problemIn(entry, ["inForce", "to"], `The end of the period in force cannot be before its start (${data.inForce.from}).`, "Correct one of the two dates.", data.inForce.to));
  }
  appendAll(problems, duplicateIds(entry, data.kinds, ["kinds"], "kinds"));
  appendAll(problems, kindProblems(entry));
  appendAll(problems, duplicateIds(entry, data.areas, ["areas"], "areas"));
  const areaIds = data.areas.map((area) => area.id);
  data.areas.forEach((area, index) => {
    if (area.parent && (!areaIds.includes(area.parent) || area.parent === area.id)) {
      problems.push(problemIn(entry, ["areas", index, "parent"], "The parent must be another area of this framework.", didYouMean(area.parent, areaIds).trim() || `Name one of: ${listOf(areaIds.filter((id) => id !== area.id))}.`, area.parent));
    }
  });
  return problems;
}

/** What `replaces` says: a framework that exists, no loop back to this one, a sound crosswalk and grade translation. */
function replacesProblems(entry: Entry<FrameworkData>, content: FrameworkFiles, unreadable: UnreadableFrameworkFiles): ContentProblem[] {
  const { data } = entry;
  if (!data.replaces) return [];
  const frameworks = new Map(content.frameworks.map((other) => [other.id, other]));
  const replaced = frameworks.get(data.replaces.framework);
  if (!replaced) {
    if (unreadable.frameworks.has(data.replaces.framework)) return [];
    return [problemIn(entry, ["replaces", "framework"], `There is no framework '${data.replaces.framework}' in content/frameworks/.`, didYouMean(data.replaces.framework, [...frameworks.keys()]).trim() || `Name one of: ${listOf([...frameworks.keys()])}.`)];
  }
  const problems: ContentProblem[] = [];
  const visited = new Set([entry.id]);
  for (let cursor: Entry<FrameworkData> | undefined = replaced; cursor; cursor = frameworks.get(cursor.data.replaces?.framework ?? "")) {
    if (visited.has(cursor.id)) {
      problems.push(problemIn(entry, ["replaces", "framework"], `Following 'replaces' from here comes back to ${cursor.id}: a framework cannot (indirectly) replace itself.`, "Name the framework this one came after."));
      break;
    }
    visited.add(cursor.id);
  }
  appendAll(problems, checkCrosswalk(entry, replaced.data, replaced.id));
  const oldScale = content.scales.find((scale) => scale.id === replaced.data.scale);
  const newScale = content.scales.find((scale) => scale.id === data.scale);
  for (const [from, to] of Object.entries(data.replaces.grades ?? {})) {
    const oldGrades = oldScale?.data.grades.map((grade) => grade.id) ?? [];
    const newGrades = newScale?.data.grades.map((grade) => grade.id) ?? [];
    if (oldScale && !oldGrades.includes(from)) {
      problems.push(problemIn(entry, ["replaces", "grades", from], `'${from}' is not a grade of ${oldScale.data.name}.`, sentences(didYouMean(from, oldGrades), `Its grades: ${listOf(oldGrades)}.`)));
    }
    if (newScale && !newGrades.includes(to)) {
      problems.push(problemIn(entry, ["replaces", "grades", from], `'${to}' is not a grade of ${newScale.data.name}.`, sentences(didYouMean(to, newGrades), `Its grades: ${listOf(newGrades)}.`), to));
    }
  }
  return problems;
}

/** Lower case, single spaces: "Requires  Improvement" and "requires improvement" read the same to a reader. */
const asRead = (label: string) => label.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Two grades or states of one scale shown with the same words (label or short label): a
 * reader could not tell them apart, and a page would say "Good" of an inadequate grade.
 */
function repeatedLabels(entry: Entry<ScaleData>): ContentProblem[] {
  const outcomes = [
    ...entry.data.grades.map((outcome, index) => ({ outcome, path: ["grades", index] as FieldPath })),
    ...entry.data.states.map((outcome, index) => ({ outcome, path: ["states", index] as FieldPath })),
  ];
  const shownBy = new Map<string, string>();
  const problems: ContentProblem[] = [];
  for (const { outcome, path } of outcomes) {
    const shown = [["label", outcome.label], ...(outcome.short ? [["short", outcome.short]] : [])] as const;
    for (const [field, words] of shown) {
      const owner = shownBy.get(asRead(words));
      if (owner !== undefined && owner !== outcome.id) {
        problems.push(problemIn(entry, [...path, field], `'${words}' is also how '${owner}' is shown, so readers could not tell '${outcome.id}' from it.`, "Give each grade and state its own label, in the inspectorate's words.", words));
      } else shownBy.set(asRead(words), outcome.id);
    }
  }
  return problems;
}

export function validateFrameworks(content: FrameworkFiles, unreadable: UnreadableFrameworkFiles = noUnreadable()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const scale of content.scales) {
    appendAll(problems, duplicateIds(scale, [...scale.data.grades, ...scale.data.states], ["grades"], "grades or states"));
    appendAll(problems, reservedOutcomeProblems(scale));
    appendAll(problems, repeatedLabels(scale));
  }
  for (const entry of content.frameworks) {
    appendAll(problems, frameworkProblems(entry, content, unreadable));
    appendAll(problems, replacesProblems(entry, content, unreadable));
  }
  return problems;
}
