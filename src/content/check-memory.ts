/**
 * What `npm start` keeps of the checks between its reads of the content (in the
 * ReadCache, src/content/load.ts), so that after an edit only what the edit could change
 * is checked again, and the problems are exactly those a full check finds.
 *
 * An unchanged file gives back the same entry and data objects (load.ts). The checks of an
 * inspection look at its own file, the frameworks, whether its organisation has a page of
 * reports, and its organisation's other inspections (the previous inspection named,
 * duplicates, two on one day), never another organisation's: so an organisation's
 * problems are kept while its inspections are the same objects in the same order and its
 * page of reports is as it was. All of it is forgotten when what the checks ran against
 * changed: an inspectorate, scale or framework, or the files with problems of their own.
 * The problems of other kinds (an organisation that does not exist, a file that cannot
 * be read) are found afresh each time, as they cost little.
 */
import { buildFrameworkIndex } from "../model/build-model.ts";
import { sameEntries } from "../model/source.ts";
import type { Framework } from "../model/types.ts";
import type { ContentSet, Entry, Unreadable } from "./content-set.ts";
import type { ContentProblem } from "./problems.ts";
import type { InspectionData } from "./schema.ts";

type Definitions = Pick<ContentSet, "inspectorates" | "scales" | "frameworks">;

export interface CheckMemory {
  /** The frameworks as checks see them, and the definitions they were built from. */
  index?: { definitions: Definitions; frameworks: Map<string, Framework> };
  /** What the kept checks ran against. */
  against?: { frameworks: Map<string, Framework>; skipped: ReadonlySet<string>; unreadable: ReadonlySet<string> };
  /** Each organisation's inspections as last checked, whether it had a page of reports, and every problem found in them. */
  organisations: Map<string, { inspections: Entry<InspectionData>[]; reportsPage: boolean; problems: ContentProblem[] }>;
}

export function checkMemory(): CheckMemory {
  return { organisations: new Map() };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** The frameworks built from `definitions`, or those built last time from the same entries. */
export function frameworksOf(definitions: Definitions, memory?: CheckMemory): Map<string, Framework> {
  const kept = memory?.index;
  const same = (folder: keyof Definitions) => sameEntries(kept!.definitions[folder], definitions[folder]);
  if (kept && same("inspectorates") && same("scales") && same("frameworks")) return kept.frameworks;
  const { frameworks } = buildFrameworkIndex(definitions);
  if (memory) memory.index = { definitions, frameworks };
  return frameworks;
}

/** Forgets every kept check unless the checks run against the same frameworks and the same files with problems. */
export function checkAgainst(memory: CheckMemory, frameworks: Map<string, Framework>, unreadable: Unreadable): void {
  const was = memory.against;
  if (was && was.frameworks === frameworks && sameSet(was.skipped, unreadable.frameworks) && sameSet(was.unreadable, unreadable.inspections)) return;
  memory.organisations = new Map();
  memory.against = { frameworks, skipped: new Set(unreadable.frameworks), unreadable: new Set(unreadable.inspections) };
}

/** The inspections of each organisation, in the content's order. */
function byOrganisation(inspections: readonly Entry<InspectionData>[]): Map<string, Entry<InspectionData>[]> {
  const groups = new Map<string, Entry<InspectionData>[]>();
  for (const entry of inspections) {
    const group = groups.get(entry.data.organisation);
    if (group) group.push(entry);
    else groups.set(entry.data.organisation, [entry]);
  }
  return groups;
}

/**
 * Every problem in each organisation's inspections, organisation by organisation:
 * `check(inspections)` for an organisation whose inspections or page of reports changed,
 * what it gave last time for the others.
 */
export function checksByOrganisation(
  memory: CheckMemory,
  inspections: readonly Entry<InspectionData>[],
  reportsPage: (organisation: string) => boolean,
  check: (inspections: Entry<InspectionData>[]) => ContentProblem[],
): ContentProblem[] {
  const kept = memory.organisations;
  const problems: ContentProblem[] = [];
  memory.organisations = new Map();
  for (const [organisation, group] of byOrganisation(inspections)) {
    const was = kept.get(organisation);
    const withReports = reportsPage(organisation);
    const same = was !== undefined && was.reportsPage === withReports && sameEntries(was.inspections, group);
    const checked = same ? was : { inspections: group, reportsPage: withReports, problems: check(group) };
    memory.organisations.set(organisation, checked);
    for (const problem of checked.problems) problems.push(problem);
  }
  return problems;
}
