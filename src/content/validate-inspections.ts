/**
 * Checks inspections and events against organisations, frameworks and each other. Runs
 * after the frameworks passed their own checks, so it can follow crosswalks to tell an
 * editor where an area from another framework went.
 */
import { appendAll } from "../model/arrays.ts";
import type { ContentSet, Entry } from "./content-set.ts";
import { noUnreadable, type SalvagedContent, type Unreadable } from "./load.ts";
import { sentences, type ContentProblem } from "./problems.ts";
import { placeholderIn } from "./placeholders.ts";
import type { InspectionData } from "./schema.ts";
import { sameInspectionIndex, type SameBy } from "./same-inspection.ts";
import { checkAgainst, checksByOrganisation, type CheckMemory } from "./check-memory.ts";
import { didYouMean, listOf } from "./suggest.ts";
import { problemIn } from "./validate-frameworks.ts";
import { stepsBetween } from "../model/crosswalk.ts";
import { visitPeriod } from "../model/dates.ts";
import { frameworksInForce, inForceOn } from "../model/in-force.ts";
import { KIND_UNKNOWN, kindJudges, NOT_JUDGED_ID, RESERVED_OUTCOME_IDS, unknownKind, VISIT_UNKNOWN } from "../model/outcomes.ts";
import type { Framework, InspectionKind } from "../model/types.ts";

/** Where an area id from another framework of the lineage went (or came from). */
function areaElsewhere(areaId: string, framework: Framework, all: Iterable<Framework>): string | undefined {
  for (const other of all) {
    if (other === framework || !other.areas.some((area) => area.id === areaId)) continue;
    const label = other.areas.find((area) => area.id === areaId)!.label;
    const forward = stepsBetween(framework, other);
    if (forward) {
      let ids = [areaId];
      for (const step of [...forward].reverse()) {
        ids = ids.flatMap((id) => step.replaces!.crosswalk.find((link) => link.from.includes(id))?.to ?? []);
      }
      const now = ids.length ? `it was replaced by ${listOf(ids)}` : `it is no longer judged`;
      return `'${areaId}' (${label}) is an area of ${other.shortName}, which ${framework.shortName} replaced: ${now}.`;
    }
    if (stepsBetween(other, framework)) {
      return `'${areaId}' (${label}) is an area of ${other.shortName}, which came after ${framework.shortName}; check the framework is the one in force on the visit date.`;
    }
    return `'${areaId}' is an area of ${other.shortName} (${other.inspectorate.shortName}), not of ${framework.shortName}.`;
  }
  return undefined;
}

/**
 * The day an inspection is placed on, as the model places it: its visit's first day, or
 * for `visit: unknown` its publication date (undefined when that is missing, which is
 * reported on its own).
 */
export function placedOnOf(data: Pick<InspectionData, "visit" | "published">): string | undefined {
  return data.visit === VISIT_UNKNOWN ? data.published : visitPeriod(data.visit)!.start;
}

/**
 * An inspection as the checks see it: a file that passed its schema, or only the right
 * fields of one that did not (salvage.ts), with the fields that are wrong or missing.
 */
type InspectionEntry = Omit<Entry<unknown>, "data"> & { data: Partial<InspectionData>; invalid?: ReadonlySet<string> };

/** The framework must have been in force on the visit's first day, or (visit not known) have begun by publication. */
function frameworkDateProblems(entry: InspectionEntry, framework: Framework, frameworks: Map<string, Framework>): ContentProblem[] {
  const { data } = entry;
  const { from, to } = framework.inForce;
  const found = `'${data.framework}'`;
  if (data.visit === VISIT_UNKNOWN) {
    if (!data.published || from <= data.published) return [];
    return [problemIn(entry, ["framework"], `${framework.shortName} came into force on ${from}, after this report was published (${data.published}).`, "Name the framework in force when the inspection was made.", found)];
  }
  const start = visitPeriod(data.visit!)!.start;
  if (inForceOn(framework, start)) return [];
  const sameInspectorate = [...frameworks.values()].filter((other) => other.inspectorate === framework.inspectorate);
  const inForce = frameworksInForce(sameInspectorate, start);
  const suggestion = inForce.length
    ? `On ${start} ${inForce.map((other) => `${other.shortName} ('${other.id}')`).join(" or ")} was in force: name it, or correct the visit's dates.`
    : "Correct the framework or the visit's dates.";
  return [problemIn(entry, ["framework"], `${framework.shortName} was in force from ${from}${to ? ` to ${to}` : ""}, but this visit started on ${start}.`, suggestion, found)];
}

/** The visit's dates, what a graded inspection must have, and the framework in force on the first day. */
function visitProblems(entry: InspectionEntry, framework: Framework, frameworks: Map<string, Framework>, kind: InspectionKind | undefined, reportsPage: boolean): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { data } = entry;
  const visit = data.visit === VISIT_UNKNOWN ? null : visitPeriod(data.visit!)!;
  // A field that is there but wrong has been reported already.
  const missing = (field: "published" | "report") => !data[field] && !entry.invalid?.has(field);
  if (visit && typeof data.visit === "object" && visit.end < visit.start) {
    problems.push(problemIn(entry, ["visit", "end"], `The visit cannot end before it starts (${visit.start}).`, "Correct the start or the end: they are the first and last days inspectors were on site.", visit.end));
  }
  if (visit && data.published && data.published < visit.end) {
    problems.push(problemIn(entry, ["published"], `The report cannot be published before the visit ended (${visit.end}).`, "Correct the publication date, or the visit's dates, from the report.", data.published));
  }
  if (!visit && missing("published")) {
    problems.push(problemIn(entry, ["published"], "The visit dates are not known, so the inspection is placed by its report's publication date, and there is none.", "Add 'published:' (YYYY-MM-DD)."));
  }
  if (kind?.graded) {
    if (visit && typeof data.visit !== "object") {
      problems.push(problemIn(entry, ["visit"], "A graded inspection needs the exact days of the visit.", "Write 'start:' and 'end:' below 'visit:', each YYYY-MM-DD, from the report; or 'unknown' when the report gives none.", String(data.visit)));
    }
    for (const field of ["published", "report"] as const) {
      // Without a link of its own, the report is found from the organisation's page at the inspectorate.
      if (missing(field) && (visit || field === "report") && !(field === "report" && reportsPage)) {
        const what = field === "report" ? "a link to the published report (the evidence for its grades), or a 'reports:' page on its organisation" : "its publication date (YYYY-MM-DD)";
        problems.push(problemIn(entry, [field], `A graded inspection needs ${what}.`, `Add '${field}:'.`));
      }
    }
  }
  appendAll(problems, frameworkDateProblems(entry, framework, frameworks));
  return problems;
}

/** Each judgement: an area of the framework that this kind judges, and a grade or state of its scale, 'unknown' or 'not-judged'. */
function judgementProblems(entry: InspectionEntry, framework: Framework, frameworks: Map<string, Framework>, kind: InspectionKind | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const areaIds = framework.areas.map((area) => area.id);
  const outcomeIds = [...framework.scale.outcomes.keys(), ...RESERVED_OUTCOME_IDS];
  for (const [areaId, written] of Object.entries(entry.data.judgements ?? {})) {
    if (!areaIds.includes(areaId)) {
      const elsewhere = areaElsewhere(areaId, framework, frameworks.values());
      const fix = sentences(elsewhere ? "" : didYouMean(areaId, areaIds), `Areas of ${framework.shortName}: ${listOf(areaIds)}.`);
      problems.push(problemIn(entry, ["judgements", areaId], elsewhere ?? `'${areaId}' is not an area of ${framework.shortName}.`, fix));
      continue;
    }
    if (typeof written === "object") continue;
    // A placeholder ('TODO', as npm run new writes) is told as one (src/content/placeholders.ts), with the grades it stands for.
    const marker = placeholderIn(written);
    if (marker !== undefined) {
      const fix = `Write the grade the report gives ('unknown' while you do not have it, 'not-judged' for an area not judged). Allowed: ${listOf(outcomeIds)}.`;
      problems.push(problemIn(entry, ["judgements", areaId], `'${marker}' is a placeholder, not a grade: the file is not finished.`, fix, `'${written}'`));
    } else if (!framework.scale.outcomes.has(written) && !RESERVED_OUTCOME_IDS.includes(written)) {
      problems.push(
        problemIn(entry, ["judgements", areaId], `'${written}' is not a grade on the ${framework.scale.name}.`, sentences(didYouMean(written, outcomeIds), `Allowed: ${listOf(outcomeIds)}.`), `'${written}'`),
      );
    } else if (kind && written !== NOT_JUDGED_ID && kindJudges(kind, areaId) === "no") {
      const judged = listOf(kind.judges as readonly string[]);
      problems.push(
        problemIn(entry, ["judgements", areaId], `${framework.shortName} says a ${kind.label.toLowerCase()} does not judge '${areaId}' (it judges ${judged}).`, "Remove it, write 'not-judged', or correct 'kind'.", `'${written}'`),
      );
    }
  }
  return problems;
}

/**
 * `alsoInForce`: only for an inspectorate whose gradings give every grade in force; each
 * framework another of the same line as this inspection's (earlier or later), each area
 * one of its areas, each grade a grade or state of its scale.
 */
function alsoInForceProblems(entry: InspectionEntry, framework: Framework, frameworks: Map<string, Framework>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const also = entry.data.alsoInForce ?? {};
  if (Object.keys(also).length > 0 && framework.inspectorate.gradings !== "in-force") {
    return [problemIn(entry, ["alsoInForce"], `${framework.inspectorate.shortName}'s gradings are not marked as giving every grade in force, so an inspection cannot list grades in force under another framework.`, "Remove 'alsoInForce', or add 'gradings: in-force' to the inspectorate if its source publishes every grade in force.")];
  }
  const line = [...frameworks.values()].filter((other) => other !== framework && other.inspectorate === framework.inspectorate && other.lineage === framework.lineage);
  for (const [id, grades] of Object.entries(also)) {
    const other = line.find((candidate) => candidate.id === id);
    if (!other) {
      const fix = line.length ? `Name one of: ${listOf(line.map((candidate) => candidate.id))}.` : `${framework.shortName} is the only framework of its line: remove it.`;
      problems.push(problemIn(entry, ["alsoInForce", id], `'${id}' is not another framework of ${framework.shortName}'s line.`, fix));
      continue;
    }
    const areaIds = other.areas.map((area) => area.id);
    for (const [areaId, grade] of Object.entries(grades)) {
      if (!areaIds.includes(areaId)) {
        problems.push(problemIn(entry, ["alsoInForce", id, areaId], `'${areaId}' is not an area of ${other.shortName}.`, sentences(didYouMean(areaId, areaIds), `Its areas: ${listOf(areaIds)}.`)));
      } else if (!other.scale.outcomes.has(grade)) {
        const ids = [...other.scale.outcomes.keys()];
        problems.push(problemIn(entry, ["alsoInForce", id, areaId], `'${grade}' is not a grade on the ${other.scale.name}.`, sentences(didYouMean(grade, ids), `Allowed: ${listOf(ids)}.`), `'${grade}'`));
      }
    }
  }
  return problems;
}

function checkInspection(entry: InspectionEntry, framework: Framework, frameworks: Map<string, Framework>, reportsPage: boolean): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { data } = entry;
  const kind = data.kind === KIND_UNKNOWN ? unknownKind() : framework.kinds.find((candidate) => candidate.id === data.kind);
  const kindIds = framework.kinds.map((candidate) => candidate.id);
  if (!kind && data.kind !== undefined) {
    const fix = sentences(didYouMean(data.kind, kindIds), `Its kinds: ${listOf(kindIds)}; or 'unknown' for a graded inspection whose kind the source does not say.`);
    problems.push(problemIn(entry, ["kind"], `${framework.shortName} has no kind of inspection '${data.kind}'.`, fix, `'${data.kind}'`));
  }
  const judged = Object.keys(data.judgements ?? {});
  if (kind && !kind.graded && judged.length > 0) {
    problems.push(
      problemIn(entry, ["judgements"], `A ${kind.label.toLowerCase()} is not graded, so it cannot have judgements.`, "Remove them, or change 'kind' if this was a graded inspection."),
    );
  }
  // A kind that judges only the areas each inspection lists may judge none: a notice says so (notices.ts).
  if (kind?.graded && data.judgements !== undefined && judged.length === 0 && kind.judges !== "some") {
    const areaIds = framework.areas.map((area) => area.id);
    problems.push(problemIn(entry, ["judgements"], `A ${kind.label.toLowerCase()} is graded, but no judgements are listed.`, `List each area's grade under 'judgements' ('unknown' for one not on this site yet). Areas: ${listOf(areaIds)}.`));
  }
  appendAll(problems, judgementProblems(entry, framework, frameworks, kind));
  appendAll(problems, alsoInForceProblems(entry, framework, frameworks));
  if (data.visit !== undefined) appendAll(problems, visitProblems(entry, framework, frameworks, kind, reportsPage));
  if (data.previous !== undefined && kind && !kind.graded) {
    problems.push(problemIn(entry, ["previous"], `A ${kind.label.toLowerCase()} is not graded, so it is never compared.`, "Remove 'previous'."));
  }
  return problems;
}

function checkPrevious(
  entries: readonly Entry<InspectionData>[],
  all: readonly Entry<InspectionData>[],
  frameworks: Map<string, Framework>,
  unreadableNames: ReadonlySet<string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byId = new Map(all.map((entry) => [entry.id, entry]));
  for (const entry of entries) {
    const named = entry.data.previous;
    if (named === undefined || named === "none") continue;
    const target = byId.get(`${entry.data.organisation}/${named}`);
    if (!target) {
      // A file of that name exists but has problems of its own, reported with it.
      if (unreadableNames.has(named)) continue;
      const siblings = all.filter((other) => other.data.organisation === entry.data.organisation && other !== entry).map((other) => other.id.split("/")[1]!);
      problems.push(
        problemIn(entry, ["previous"], `There is no inspection '${named}' of '${entry.data.organisation}'.`, sentences(didYouMean(named, siblings), "Name another inspection's file name (without .md), or write 'none'."), `'${named}'`),
      );
      continue;
    }
    const targetPlaced = placedOnOf(target.data);
    const entryPlaced = placedOnOf(entry.data);
    if (target === entry || (targetPlaced && entryPlaced && targetPlaced >= entryPlaced)) {
      const when = target.data.visit === VISIT_UNKNOWN ? `its report was published ${targetPlaced}` : `its visit started ${targetPlaced}`;
      problems.push(problemIn(entry, ["previous"], `'${named}' did not happen before this inspection (${when}).`, "Name an earlier inspection, or write 'none'.", `'${named}'`));
      continue;
    }
    const targetFramework = frameworks.get(target.data.framework);
    if (targetFramework && !targetFramework.kinds.find((kind) => kind.id === target.data.kind)?.graded) {
      problems.push(problemIn(entry, ["previous"], `'${named}' is an ungraded visit, so there is nothing to compare with.`, "Name a graded inspection, or write 'none'.", `'${named}'`));
    }
  }
  return problems;
}

const SAME_BECAUSE: Record<SameBy, string> = {
  start: "same organisation, framework, kind and first day of the visit",
  published: "same organisation, framework, kind and publication date, and one has no visit dates",
  report: "the same report",
};

/** The first day of a visit whose days are known ({ start, end } or a single day); undefined for a month, a year or 'unknown'. */
function exactFirstDay(visit: InspectionData["visit"]): string | undefined {
  if (typeof visit === "object") return visit.start;
  return typeof visit === "string" && /^\d{4}-\d{2}-\d{2}$/.test(visit) ? visit : undefined;
}

/**
 * Another inspection of the same organisation by the same inspectorate starting on the
 * same day, under another framework or of another kind: inspectorates do not start two
 * inspections of one organisation on one day, and the two would be put in order
 * arbitrarily and compared with each other, so one of the dates is wrong.
 */
function sameDayProblem(entry: Entry<InspectionData>, frameworks: Map<string, Framework>, seen: Map<string, Entry<InspectionData>>): ContentProblem[] {
  const { data } = entry;
  const day = exactFirstDay(data.visit);
  const inspectorate = frameworks.get(data.framework)!.inspectorate;
  if (day === undefined) return [];
  const key = `${data.organisation}|${inspectorate.id}|${day}`;
  const other = seen.get(key);
  if (!other) {
    seen.set(key, entry);
    return [];
  }
  const field = typeof data.visit === "object" ? ["visit", "start"] : ["visit"];
  return [
    problemIn(
      entry,
      field,
      `${other.file.path} is another ${inspectorate.shortName} inspection of '${data.organisation}' starting on the same day (a ${other.data.kind} under ${other.data.framework}; this is a ${data.kind} under ${data.framework}), so the two would be compared with each other.`,
      "If they are one inspection, keep one file; if not, correct the dates from the reports.",
      day,
    ),
  ];
}

function checkDuplicates(entries: readonly Entry<InspectionData>[], frameworks: Map<string, Framework>): ContentProblem[] {
  const seen = sameInspectionIndex<Entry<InspectionData>>();
  const sameDay = new Map<string, Entry<InspectionData>>();
  const problems: ContentProblem[] = [];
  for (const entry of entries) {
    const same = seen.match(entry.data);
    if (!same) {
      seen.add(entry.data, entry);
      appendAll(problems, sameDayProblem(entry, frameworks, sameDay));
      continue;
    }
    const { data } = entry;
    const [field, found] = same.by === "start" ? [["visit", "start"], placedOnOf(data)] : [[same.by], data[same.by]];
    problems.push(problemIn(entry, field, `This describes the same inspection as ${same.value.file.path} (${SAME_BECAUSE[same.by]}).`, "Keep one file.", found));
  }
  return problems;
}

function organisationProblems(lists: readonly (readonly InspectionEntry[])[], content: ContentSet, unreadable: Unreadable): ContentProblem[] {
  // A set: one look-up per file, not a scan of every organisation (docs/performance.md).
  const knownOrganisations = new Set(content.organisations.map((entry) => entry.id));
  const problems: ContentProblem[] = [];
  for (const entries of lists)
    for (const entry of entries) {
      const organisation = entry.data.organisation;
      if (organisation === undefined || knownOrganisations.has(organisation) || unreadable.organisations.has(organisation)) continue;
      const organisationIds = content.organisations.map((other) => other.id);
      problems.push(
        problemIn(entry, ["organisation"], `There is no organisation '${organisation}' in content/organisations/.`, sentences(didYouMean(organisation, organisationIds), `Add content/organisations/${organisation}.md, or correct the id.`), `'${organisation}'`),
      );
    }
  return problems;
}

/** The framework an inspection names; undefined (with the problem, unless its file has problems of its own) when there is none. */
function frameworkOf(entry: InspectionEntry, frameworks: Map<string, Framework>, unreadable: Unreadable, problems: ContentProblem[]): Framework | undefined {
  const id = entry.data.framework;
  if (id === undefined) return undefined;
  const framework = frameworks.get(id);
  if (!framework && !unreadable.frameworks.has(id)) {
    problems.push(problemIn(entry, ["framework"], `There is no framework '${id}' in content/frameworks/.`, didYouMean(id, [...frameworks.keys()]).trim() || `Name one of: ${listOf([...frameworks.keys()])}.`, `'${id}'`));
  }
  return framework;
}

/**
 * Each inspection's framework named and its checks against it (`own`), and the checks
 * across inspections (`across`) of those with no problems so far.
 */
function checkedInspections(inspections: readonly Entry<InspectionData>[], frameworks: Map<string, Framework>, unreadable: Unreadable, reportsPage: (entry: InspectionEntry) => boolean) {
  const own: ContentProblem[] = [];
  const usable: Entry<InspectionData>[] = [];
  for (const entry of inspections) {
    const framework = frameworkOf(entry, frameworks, unreadable, own);
    const found = framework ? checkInspection(entry, framework, frameworks, reportsPage(entry)) : [];
    appendAll(own, found);
    if (framework && found.length === 0) usable.push(entry);
  }
  return { own, across: [...checkPrevious(usable, inspections, frameworks, unreadable.inspections), ...checkDuplicates(usable, frameworks)] };
}

/**
 * Inspections and events against organisations, frameworks and each other. `salvaged`
 * holds the right fields of files that failed their schema, checked as far as they go.
 * `unreadable.frameworks` names frameworks whose files have problems: inspections under
 * them are not checked against them. With a `memory` (`npm start` only), the problems of
 * an organisation whose inspections are as they were last time are not looked for again
 * (check-memory.ts): the problems are the same, in the same order within each file.
 */
export function validateInspections(
  content: ContentSet,
  frameworks: Map<string, Framework>,
  unreadable: Unreadable = noUnreadable(),
  salvaged: SalvagedContent = { inspections: [], events: [] },
  memory?: CheckMemory,
): ContentProblem[] {
  const problems = organisationProblems([content.inspections, content.events, salvaged.inspections, salvaged.events], content, unreadable);
  // An organisation with a page of reports at the inspectorate: its inspections may link none of their own.
  const withReportsPage = new Set(content.organisations.filter((entry) => entry.data.reports).map((entry) => entry.id));
  const reportsPageOf = (entry: InspectionEntry) => entry.data.organisation !== undefined && withReportsPage.has(entry.data.organisation);
  const checked = (inspections: readonly Entry<InspectionData>[]) => checkedInspections(inspections, frameworks, unreadable, reportsPageOf);
  let across: ContentProblem[] = [];
  if (memory) {
    checkAgainst(memory, frameworks, unreadable);
    const both = (inspections: Entry<InspectionData>[]) => {
      const found = checked(inspections);
      return [...found.own, ...found.across];
    };
    appendAll(problems, checksByOrganisation(memory, content.inspections, both));
  } else {
    const all = checked(content.inspections);
    appendAll(problems, all.own);
    across = all.across;
  }
  for (const entry of salvaged.inspections) {
    const framework = frameworkOf(entry, frameworks, unreadable, problems);
    if (framework) appendAll(problems, checkInspection(entry, framework, frameworks, reportsPageOf(entry)));
  }
  appendAll(problems, across);
  return problems;
}
