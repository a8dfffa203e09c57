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
 * The same entries, by id and data object, in the same order: what `npm start` takes for
 * files unchanged since its last read, as an unchanged file gives back the same data
 * object (src/content/load.ts).
 */
export function sameEntries(a: readonly SourceEntry<unknown>[], b: readonly SourceEntry<unknown>[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry.data === b[index]!.data && entry.id === b[index]!.id);
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
