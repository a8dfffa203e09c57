/**
 * What `npm start` keeps of the checks between its reads of the content (in the
 * ReadCache, src/content/load.ts), so that after an edit only what the edit could change
 * is checked again, and the problems are exactly those a full check finds.
 *
 * Each load says what changed since the load before (`SourceChange`, load.ts). The checks
 * of an inspection look at its own file, the frameworks, whether its organisation has a
 * page of reports, and its organisation's other inspections (the previous inspection
 * named, duplicates, two on one day), never another organisation's: so an organisation's
 * problems are kept while no file of its own (its page, its inspections) changed. All of
 * it is forgotten when what the checks ran against changed: an inspectorate, scale or
 * framework, or the files with problems of their own; and when a load's change is not
 * counted from the load the checks were kept at. The problems of other kinds (an
 * organisation that does not exist, a file that cannot be read) are found afresh each
 * time, as they cost little.
 */
import { buildFrameworkIndex } from "../model/build-model.ts";
import { changesAll, type SourceChange } from "../model/source.ts";
import type { Framework } from "../model/types.ts";
import type { ContentSet, Entry, Unreadable } from "./content-set.ts";
import type { ContentProblem } from "./problems.ts";
import type { InspectionData } from "./schema.ts";

type Definitions = Pick<ContentSet, "inspectorates" | "scales" | "frameworks">;

export interface CheckMemory {
  /** The load the kept checks are counted to, and the organisations whose files it read again or lost. */
  at?: number;
  touched: ReadonlySet<string>;
  /** The frameworks as checks see them. */
  frameworks?: Map<string, Framework>;
  /** What the kept checks ran against. */
  against?: { frameworks: Map<string, Framework>; skipped: ReadonlySet<string>; unreadable: ReadonlySet<string> };
  /** Every problem found in each organisation's inspections. */
  organisations: Map<string, ContentProblem[]>;
}

export function checkMemory(): CheckMemory {
  return { touched: new Set(), organisations: new Map() };
}

/**
 * Starts the checks of a load whose change is `change`: keeps what was kept only when
 * the change counts from the load it was kept at and no definition changed.
 */
export function followChange(memory: CheckMemory, change: SourceChange): void {
  if (changesAll(change) || change.since !== memory.at) {
    delete memory.frameworks;
    delete memory.against;
    memory.organisations = new Map();
  }
  memory.at = change.at;
  memory.touched = change.organisations;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** The frameworks built from `definitions`, or those built at an earlier load when no definition changed since. */
export function frameworksOf(definitions: Definitions, memory?: CheckMemory): Map<string, Framework> {
  if (memory?.frameworks) return memory.frameworks;
  const { frameworks } = buildFrameworkIndex(definitions);
  if (memory) memory.frameworks = frameworks;
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
 * `check(inspections)` for an organisation with a file read again or gone, what it gave
 * last time for the others.
 */
export function checksByOrganisation(
  memory: CheckMemory,
  inspections: readonly Entry<InspectionData>[],
  check: (inspections: Entry<InspectionData>[]) => ContentProblem[],
): ContentProblem[] {
  const kept = memory.organisations;
  const problems: ContentProblem[] = [];
  memory.organisations = new Map();
  for (const [organisation, group] of byOrganisation(inspections)) {
    const was = memory.touched.has(organisation) ? undefined : kept.get(organisation);
    const checked = was ?? check(group);
    memory.organisations.set(organisation, checked);
    for (const problem of checked) problems.push(problem);
  }
  return problems;
}
