/**
 * What the model is built from: every content file's data, read and checked. The model
 * owns these types and src/content conforms to them (its schemas' output is handed to
 * `buildModel` as it is, so TypeScript holds the two together); the model never reads
 * the content format itself.
 */
import type { PeriodInput, PointInput } from "./dates.ts";
import type { CrosswalkRelation, Figure, Quote, Source } from "./types.ts";

/** One file: its id (from its file name), its data, its Markdown body and where it is. */
export interface SourceEntry<T> {
  id: string;
  data: T;
  /** The Markdown body ("" for YAML files). */
  body: string;
  file: { path: string };
}

/**
 * What changed in the content between two reads of it by the preview (`npm start`), as its
 * reader tells it (src/content/load.ts), so that what is made from the content (the checks,
 * the model, the national pictures, the pages) is made again only where it changed,
 * without comparing anything with a copy of the last read. Reads are numbered; a change is
 * counted from the read `since` to the read `at`. With no `since` (the first read, a read
 * without memory, or a read whose change could not be counted) everything counts as
 * changed, and the sets are empty.
 */
export interface SourceChange {
  /** The read this change is counted to: 1, 2, ... with memory; 0 without. */
  at: number;
  /** The read it is counted from; undefined when everything counts as changed. */
  since?: number;
  /** The files read again since (added or changed), by the paths problems name them by. */
  reread: ReadonlySet<string>;
  /** The files gone since, by the same paths. */
  gone: ReadonlySet<string>;
  /** The ids of the organisations with a file read again or gone (a file moved between two: both). */
  organisations: ReadonlySet<string>;
  /** An inspectorate, scale or framework file read again or gone. */
  definitions: boolean;
  /** site.yaml changed. */
  settings: boolean;
}

/** Everything counts as changed: what a read without memory gives. */
export function changedEverything(at = 0): SourceChange {
  return { at, reread: new Set(), gone: new Set(), organisations: new Set(), definitions: false, settings: false };
}

/** Whether nothing can be kept across `change`: there is nothing to count from, or a definition changed. */
export function changesAll(change: SourceChange): boolean {
  return change.since === undefined || change.definitions;
}

/**
 * The change from `earlier.since` to `later.at`: both together when `later` is counted from
 * where `earlier` ends, everything otherwise (a read between them was not counted).
 */
export function joinChanges(earlier: SourceChange, later: SourceChange): SourceChange {
  if (later.since === undefined || earlier.at !== later.since) return changedEverything(later.at);
  if (earlier.since === undefined) return changedEverything(later.at);
  // A file read again and then gone is gone; one gone and then back was read again.
  const then = (a: ReadonlySet<string>, undone: ReadonlySet<string>, b: ReadonlySet<string>) =>
    new Set([...[...a].filter((path) => !undone.has(path)), ...b]);
  return {
    at: later.at,
    since: earlier.since,
    reread: then(earlier.reread, later.gone, later.reread),
    gone: then(earlier.gone, later.reread, later.gone),
    organisations: new Set([...earlier.organisations, ...later.organisations]),
    definitions: earlier.definitions || later.definitions,
    settings: earlier.settings || later.settings,
  };
}

export interface InspectorateSource {
  name: string;
  shortName: string;
  website?: string;
  country?: string;
  description?: string;
  dataNote?: string;
  dataNoteSummary?: string;
  /** "in-force": each inspection's grades are every grade in force after it, and say nothing of what it judged. */
  gradings?: "in-force";
  reportsOnHttps?: boolean;
}

export interface OutcomeSource {
  id: string;
  label: string;
  short?: string;
  meaning: string;
}

export interface ScaleSource {
  name: string;
  description?: string;
  /** Best first. */
  grades: OutcomeSource[];
  states: OutcomeSource[];
}

export interface AreaSource {
  id: string;
  label: string;
  short?: string;
  description?: string;
  parent?: string;
  separate?: boolean;
  overall?: boolean;
  appliesTo?: string[];
}

export interface CrosswalkSource {
  relation: CrosswalkRelation;
  from?: string | string[];
  to?: string | string[];
  note?: string;
}

export interface KindSource {
  id: string;
  label: string;
  graded: boolean;
  description?: string;
  /** "all" when left out; "some", or a list of area ids. */
  judges?: "all" | "some" | string[];
  notJudged?: string;
}

export interface FrameworkSource {
  inspectorate: string;
  name: string;
  shortName: string;
  series?: string;
  scale: string;
  inForce: { from: string; to?: string };
  url?: string;
  description?: string;
  kinds: KindSource[];
  areas: AreaSource[];
  appliesTo?: string[];
  replaces?: { framework: string; grades?: Record<string, string>; crosswalk: CrosswalkSource[] };
}

export interface OrganisationSource {
  name: string;
  kind: string;
  region?: string;
  codes?: { ons?: string; ofstedUrn?: string | number; careInspectorate?: string };
  website?: string;
  reports?: string;
  example?: boolean;
  closed?: string;
  lastKnownOpen?: string;
}

export interface InspectionSource {
  organisation: string;
  framework: string;
  kind: string;
  title?: string;
  /** Days, or a month or year for an ungraded visit, or "unknown" when the report gives none this site knows. */
  visit: { start: string; end: string } | PointInput;
  published?: string;
  report?: string;
  leadInspector?: string;
  /** The file name of the inspection to compare with, or "none". */
  previous?: string;
  summary: string;
  /**
   * Area id -> a grade or state id, "unknown" (judged, grade not on the site yet),
   * "not-judged", or { not-judged: the reason }.
   */
  judgements: Record<string, JudgementSource>;
  /** Framework id -> area id -> grade id: grades in force under another framework of the line (gradings "in-force" only). */
  alsoInForce?: Record<string, Record<string, string>>;
  improvements: string[];
  quotes: Quote[];
  figures: Figure[];
  draft?: { source: string; row?: number; needsReview: string[] };
}

export type JudgementSource = string | { "not-judged": string };

export interface EventSource {
  organisation: string;
  title: string;
  date: PeriodInput;
  source?: Source;
}

export interface ModelSource {
  inspectorates: SourceEntry<InspectorateSource>[];
  scales: SourceEntry<ScaleSource>[];
  frameworks: SourceEntry<FrameworkSource>[];
  organisations: SourceEntry<OrganisationSource>[];
  inspections: SourceEntry<InspectionSource>[];
  events: SourceEntry<EventSource>[];
}
