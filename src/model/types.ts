/**
 * The domain as the rest of the project sees it: every reference resolved to an object,
 * every date parsed, lists sorted. Built once per build by `build-model.ts`.
 */
import type { Period, PointInput } from "./dates.ts";

/** How an area of a framework relates to the framework it replaced. */
export const CROSSWALK_RELATIONS = ["same", "renamed", "split", "merged", "new", "removed"] as const;
export type CrosswalkRelation = (typeof CROSSWALK_RELATIONS)[number];

/** Where something was published. */
export interface Source {
  name: string;
  url?: string;
}

/** Words from the report or from someone named, with who said them. */
export interface Quote {
  text: string;
  by: string;
  role?: string;
  source?: Source;
}

/** A labelled series of dated values, with its source. */
export interface Figure {
  label: string;
  unit?: string;
  source: Source;
  values: { date: PointInput; value: number; note?: string }[];
}

export interface Inspectorate {
  id: string;
  name: string;
  shortName: string;
  website?: string;
  country?: string;
  description?: string;
}

export interface Grade {
  kind: "grade";
  id: string;
  label: string;
  short: string;
  meaning: string;
  /** 0 is the best grade. */
  rank: number;
}

/** An outcome that is not a grade: not rated, not judged, withheld. Never compared. */
export interface NonGradeState {
  kind: "state";
  id: string;
  label: string;
  short: string;
  meaning: string;
}

export type Outcome = Grade | NonGradeState;

export interface Scale {
  id: string;
  name: string;
  description?: string;
  grades: Grade[];
  states: NonGradeState[];
  outcomes: Map<string, Outcome>;
}

export interface Area {
  id: string;
  label: string;
  short: string;
  description?: string;
  parent?: string;
  separate: boolean;
  overall: boolean;
}

export interface InspectionKind {
  id: string;
  label: string;
  graded: boolean;
  description?: string;
}

export interface CrosswalkEntry {
  relation: CrosswalkRelation;
  from: string[];
  to: string[];
  note?: string;
}

export interface Framework {
  id: string;
  inspectorate: Inspectorate;
  name: string;
  shortName: string;
  scale: Scale;
  inForce: { from: string; to?: string };
  url?: string;
  description?: string;
  kinds: InspectionKind[];
  areas: Area[];
  replaces?: {
    framework: Framework;
    grades?: Record<string, string>;
    crosswalk: CrosswalkEntry[];
  };
  /** Frameworks that name this one in `replaces`. */
  replacedBy: Framework[];
  /** The id of the oldest framework in this one's chain of `replaces`: one per lineage. */
  lineage: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  region?: string;
  codes: { ons?: string; ofstedUrn?: string };
  website?: string;
  example: boolean;
  bodyMarkdown: string;
  /** Oldest first. */
  inspections: Inspection[];
  /** Oldest first. */
  events: ContextEvent[];
  timeline: TimelineEntry[];
}

export interface Judgement {
  area: Area;
  outcome: Outcome;
}

export type PreviousChoice = "latest-earlier" | "named" | "none" | "first" | "ungraded";

export interface Inspection {
  /** `organisation/file-name`: unique across the site. */
  id: string;
  /** The file name without `.md`: the last part of the URL. */
  slug: string;
  sourcePath: string;
  organisation: Organisation;
  framework: Framework;
  kind: InspectionKind;
  title: string;
  /** Exact days for graded inspections; possibly only a month or year for an ungraded visit. */
  visit: Period;
  published?: string;
  report?: string;
  leadInspector?: string;
  summary: string;
  /** In the framework's area order. */
  judgements: Judgement[];
  improvements: string[];
  quotes: Quote[];
  figures: Figure[];
  bodyMarkdown: string;
  draft?: { source: string; row?: number; needsReview: string[] };
  previous: Inspection | null;
  previousChoice: PreviousChoice;
  comparison: Comparison | null;
}

export interface ContextEvent {
  id: string;
  sourcePath: string;
  organisation: Organisation;
  title: string;
  period: Period;
  source?: Source;
  bodyMarkdown: string;
}

export type TimelineEntry =
  | { type: "inspection"; period: Period; inspection: Inspection }
  | { type: "event"; period: Period; event: ContextEvent };

/** How one area moved between two inspections. */
export type Change = "improved" | "declined" | "unchanged" | "no-arrow";

export type RowRelation = CrosswalkRelation | "not-comparable";

export interface ComparisonRow {
  relation: RowRelation;
  /** The area in the current inspection; null for an area no longer judged. */
  area: Area | null;
  current: Outcome | null;
  /** The area or areas it is compared with, and what they were given. */
  previous: { area: Area; outcome: Outcome | null }[];
  change: Change;
  /** Why there is or is not an arrow, in a sentence for readers. */
  note: string;
}

export interface Comparison {
  current: Inspection;
  previous: Inspection;
  /** Set when the two cannot be compared at all (different scales, unconnected frameworks). */
  notComparableReason?: string;
  rows: ComparisonRow[];
  sentence: string;
}
