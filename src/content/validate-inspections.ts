/**
 * Checks inspections and events against organisations, frameworks and each other. Runs
 * after the frameworks passed their own checks, so it can follow crosswalks to tell an
 * editor where an area from another framework went.
 */
import type { ContentSet, Entry } from "./content-set.ts";
import { noUnreadable, type Unreadable } from "./load.ts";
import type { ContentProblem } from "./problems.ts";
import type { InspectionData } from "./schema.ts";
import { didYouMean, listOf } from "./suggest.ts";
import { problemIn } from "./validate-frameworks.ts";
import { stepsBetween } from "../model/crosswalk.ts";
import { visitPeriod } from "../model/dates.ts";
import { frameworksInForce, inForceOn } from "../model/in-force.ts";
import type { Framework } from "../model/types.ts";

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

/** The visit's dates, what a graded inspection must have, and the framework in force on the first day. */
function visitProblems(entry: Entry<InspectionData>, framework: Framework, frameworks: Map<string, Framework>, kind: Framework["kinds"][number] | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { data } = entry;
  const visit = visitPeriod(data.visit)!;
  const { start, end } = visit;
  if (typeof data.visit === "object" && end < start) {
    problems.push(problemIn(entry, ["visit", "end"], `The visit cannot end before it starts (${start}).`, end));
  }
  if (data.published && data.published < end) {
    problems.push(problemIn(entry, ["published"], `The report cannot be published before the visit ended (${end}).`, data.published));
  }
  if (kind?.graded) {
    if (typeof data.visit !== "object") {
      problems.push(problemIn(entry, ["visit"], "A graded inspection needs the exact days of the visit: 'start:' and 'end:' below 'visit:', each YYYY-MM-DD.", String(data.visit)));
    }
    for (const field of ["published", "report"] as const) {
      if (!data[field]) {
        const what = field === "report" ? "a link to the published report (the evidence for its grades)" : "its publication date (YYYY-MM-DD)";
        problems.push(problemIn(entry, [field], `A graded inspection needs ${what}: add '${field}:'.`));
      }
    }
  }
  if (!inForceOn(framework, start)) {
    const { from, to } = framework.inForce;
    const inForce = frameworksInForce(
      [...frameworks.values()].filter((other) => other.inspectorate === framework.inspectorate),
      start,
    );
    const suggestion = inForce.length ? ` On ${start} ${inForce.map((other) => `${other.shortName} ('${other.id}')`).join(" or ")} was in force.` : "";
    problems.push(
      problemIn(entry, ["framework"], `${framework.shortName} was in force from ${from}${to ? ` to ${to}` : ""}, but this visit started on ${start}.${suggestion}`, `'${data.framework}'`),
    );
  }
  return problems;
}

function checkInspection(entry: Entry<InspectionData>, framework: Framework, frameworks: Map<string, Framework>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { data } = entry;
  const kind = framework.kinds.find((candidate) => candidate.id === data.kind);
  const kindIds = framework.kinds.map((candidate) => candidate.id);
  if (!kind) {
    problems.push(problemIn(entry, ["kind"], `${framework.shortName} has no kind of inspection '${data.kind}'.${didYouMean(data.kind, kindIds)} Its kinds: ${listOf(kindIds)}.`, `'${data.kind}'`));
  }
  const areaIds = framework.areas.map((area) => area.id);
  const outcomeIds = [...framework.scale.outcomes.keys()];
  const judged = Object.entries(data.judgements);
  if (kind && !kind.graded && judged.length > 0) {
    problems.push(
      problemIn(entry, ["judgements"], `A ${kind.label.toLowerCase()} is not graded, so it cannot have judgements. Remove them, or change 'kind' if this was a graded inspection.`),
    );
  }
  if (kind?.graded && judged.length === 0) {
    problems.push(problemIn(entry, ["judgements"], `A ${kind.label.toLowerCase()} is graded: list each area's grade under 'judgements'. Areas: ${listOf(areaIds)}.`));
  }
  for (const [areaId, outcomeId] of judged) {
    if (!areaIds.includes(areaId)) {
      const hint = areaElsewhere(areaId, framework, frameworks.values()) ?? `It is not an area of ${framework.shortName}.${didYouMean(areaId, areaIds)}`;
      problems.push(problemIn(entry, ["judgements", areaId], `${hint} Areas of ${framework.shortName}: ${listOf(areaIds)}.`));
      continue;
    }
    if (!framework.scale.outcomes.has(outcomeId)) {
      problems.push(
        problemIn(entry, ["judgements", areaId], `'${outcomeId}' is not a grade on the ${framework.scale.name}.${didYouMean(outcomeId, outcomeIds)} Allowed: ${listOf(outcomeIds)}.`, `'${outcomeId}'`),
      );
    }
  }
  problems.push(...visitProblems(entry, framework, frameworks, kind));
  if (data.previous !== undefined && kind && !kind.graded) {
    problems.push(problemIn(entry, ["previous"], `A ${kind.label.toLowerCase()} is not graded, so it is never compared: remove 'previous'.`));
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
        problemIn(entry, ["previous"], `There is no inspection '${named}' of '${entry.data.organisation}'.${didYouMean(named, siblings)} Name another inspection's file name (without .md), or write 'none'.`, `'${named}'`),
      );
      continue;
    }
    const targetStart = visitPeriod(target.data.visit)!.start;
    if (target === entry || targetStart >= visitPeriod(entry.data.visit)!.start) {
      problems.push(problemIn(entry, ["previous"], `'${named}' did not happen before this inspection (its visit started ${targetStart}); name an earlier one.`, `'${named}'`));
      continue;
    }
    const targetFramework = frameworks.get(target.data.framework);
    if (targetFramework && !targetFramework.kinds.find((kind) => kind.id === target.data.kind)?.graded) {
      problems.push(problemIn(entry, ["previous"], `'${named}' is an ungraded visit, so there is nothing to compare with; name a graded inspection.`, `'${named}'`));
    }
  }
  return problems;
}

function checkDuplicates(entries: readonly Entry<InspectionData>[]): ContentProblem[] {
  const seen = new Map<string, Entry<InspectionData>>();
  const problems: ContentProblem[] = [];
  for (const entry of entries) {
    const start = visitPeriod(entry.data.visit)!.start;
    const key = `${entry.data.organisation}|${entry.data.framework}|${entry.data.kind}|${start}`;
    const first = seen.get(key);
    if (first) {
      problems.push(
        problemIn(entry, ["visit", "start"], `This describes the same inspection as ${first.file.path} (same organisation, framework, kind and first day of the visit). Keep one file.`, start),
      );
    } else seen.set(key, entry);
  }
  return problems;
}

export function validateInspections(content: ContentSet, frameworks: Map<string, Framework>, unreadable: Unreadable = noUnreadable()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const organisationIds = content.organisations.map((entry) => entry.id);
  // A set: one look-up per file, not a scan of every organisation (docs/performance.md).
  const knownOrganisations = new Set(organisationIds);
  const frameworkIds = [...frameworks.keys()];
  const usable: Entry<InspectionData>[] = [];
  for (const entry of [...content.inspections, ...content.events]) {
    const organisation = entry.data.organisation;
    if (!knownOrganisations.has(organisation) && !unreadable.organisations.has(organisation)) {
      problems.push(
        problemIn(entry, ["organisation"], `There is no organisation '${organisation}' in content/organisations/.${didYouMean(organisation, organisationIds)} Add content/organisations/${organisation}.md, or correct the id.`, `'${organisation}'`),
      );
    }
  }
  for (const entry of content.inspections) {
    const framework = frameworks.get(entry.data.framework);
    if (!framework) {
      problems.push(problemIn(entry, ["framework"], `There is no framework '${entry.data.framework}' in content/frameworks/.${didYouMean(entry.data.framework, frameworkIds)}`, `'${entry.data.framework}'`));
      continue;
    }
    const found = checkInspection(entry, framework, frameworks);
    problems.push(...found);
    if (found.length === 0) usable.push(entry);
  }
  problems.push(...checkPrevious(usable, content.inspections, frameworks, unreadable.inspections), ...checkDuplicates(usable));
  return problems;
}
