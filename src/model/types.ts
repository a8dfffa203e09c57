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
  /** Where this site's grades by this inspectorate come from, when readers should know (a reconstruction, a scrape). */
  dataNote?: string;
  /** The data note in a sentence or two, for explainers and organisations' pages, which link to the whole note. */
  dataNoteSummary?: string;
  /**
   * "in-force" when this site's source for its grades gives, for each inspection, every grade
   * in force once it was published and not which areas it judged (src/model/ratings.ts).
   */
  gradings?: "in-force";
  /** False only for an inspectorate whose reports are not on https: a report link may then start http://. */
  reportsOnHttps?: boolean;
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

/**
 * Judged at this inspection, but the grade is not on this site yet: the source could not
 * be read, the cell was empty, nobody has typed it in. Never a grade, never "not judged":
 * the report has it (docs/domain.md, "Three states").
 */
export interface UnknownOutcome {
  kind: "unknown";
  id: "unknown";
  label: string;
  short: string;
  meaning: string;
}

/**
 * Not judged at this inspection: the kind of inspection does not judge the area (a
 * focused inspection), or an editor says it was not. The rating from before still stands.
 */
export interface NotJudged {
  kind: "not-judged";
  id: "not-judged";
  label: string;
  short: string;
  /** Why, when the framework or an editor says: the reason a reader is shown. */
  meaning: string;
  reason?: string;
}

/** What an inspection gave an area: a grade or a state (withheld, not rated), or unknown. Can stand as a rating. */
export type Rated = Grade | NonGradeState | UnknownOutcome;

export type Outcome = Rated | NotJudged;

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
  /** The kinds of organisation it applies to; every kind when absent. */
  appliesTo?: string[];
}

/**
 * Which areas a kind of inspection judges: every area, only the areas each inspection lists
 * (a CQC focused inspection), or a fixed list.
 */
export type KindJudges = "all" | "some" | readonly string[];

export interface InspectionKind {
  id: string;
  label: string;
  graded: boolean;
  description?: string;
  judges: KindJudges;
  /** Why it does not judge the areas it leaves out, as the framework says. */
  notJudged?: string;
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
  /** The kinds of organisation it is used for (each an organisation's `kind` exactly); every kind when absent. */
  appliesTo?: string[];
  replaces?: {
    framework: Framework;
    grades?: Record<string, string>;
    crosswalk: CrosswalkEntry[];
  };
  /** Frameworks that name this one in `replaces`. */
  replacedBy: Framework[];
  /** The id of the oldest framework in this one's chain of `replaces`: one per lineage. */
  lineage: string;
  /**
   * The frameworks counted as one line of repeat inspections (Ofsted's official statistics:
   * ILACS 2018 onward, not SIF): `series` in the framework's file, else its lineage.
   */
  series: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  region?: string;
  codes: { ons?: string; ofstedUrn?: string; careInspectorate?: string };
  website?: string;
  /** The inspectorate's page for it, listing its reports (an inspection without its own report link points there). */
  reports?: string;
  example: boolean;
  /** The day it closed, when known. */
  closed?: string;
  /** Closed, the day not known: the last day it is known to have been open. */
  lastKnownOpen?: string;
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
  /** False when the editor left the area out and the outcome follows from the kind (unknown or not judged). */
  written: boolean;
}

/** How `previous` was chosen; "apart" for a report that judges only areas shown apart (never compared). */
export type PreviousChoice = "latest-earlier" | "named" | "none" | "first" | "ungraded" | "apart";

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
  /**
   * Exact days for graded inspections; possibly only a month or year for an ungraded visit;
   * null when the report gives no visit dates this site knows (the inspection is then
   * placed by its publication date).
   */
  visit: Period | null;
  /** The day it is placed on: the visit's first day, or the publication date when the visit is not known. */
  placedOn: string;
  published?: string;
  report?: string;
  leadInspector?: string;
  summary: string;
  /**
   * Every area of the framework, in its order, for a graded inspection (none for an
   * ungraded visit): a grade or state, unknown, or not judged.
   */
  judgements: Judgement[];
  /**
   * Gradings "in-force" only: grades published as in force after it under another
   * framework of its line (a service moving between frameworks), each in its own area.
   */
  alsoInForce: { framework: Framework; area: Area; outcome: Rated }[];
  improvements: string[];
  quotes: Quote[];
  figures: Figure[];
  bodyMarkdown: string;
  draft?: { source: string; row?: number; needsReview: string[] };
  previous: Inspection | null;
  previousChoice: PreviousChoice;
  /** The ratings in force just before and just after this inspection; null for an ungraded visit. */
  ratings: { before: RatingsInForce; after: RatingsInForce } | null;
  comparison: Comparison | null;
}

/** A rating that stands: what an inspection gave an area, read into a framework's area. */
export interface Rating {
  /** The area of the framework it is read into. */
  area: Area;
  outcome: Rated;
  /** The inspection that gave it. */
  inspection: Inspection;
  /** The area as that inspection judged it (an older area, across a framework change). */
  judgedAs: Area;
  /** How `judgedAs` became `area`: the strongest crosswalk relation met on the way. */
  relation: "same" | "renamed" | "split";
  /** The crosswalks' notes met on the way. */
  notes: string[];
  /** The framework of `judgedAs`, when not that of `inspection` (a grade in force under another framework of the line: gradings "in-force"). */
  judgedIn?: Framework;
  /** Gradings "in-force": the framework and area the latest grading published it under (another framework's, for `alsoInForce`). */
  publishedAs?: { framework: Framework; area: Area };
}

/**
 * The ratings of one organisation by one inspectorate, in one line of frameworks, read
 * into one framework: for each area, the latest judgement of it (docs/domain.md, "Ratings
 * in force").
 */
export interface RatingsInForce {
  framework: Framework;
  /** By area id. An area with none has never been rated on this site (or is new). */
  ratings: Map<string, Rating>;
  /** Areas made from several older ones and not judged since: their old ratings, and no single one. */
  merged: Map<string, Rating[]>;
  /** Areas new in this framework since the ratings were given, by id. */
  fresh: Set<string>;
  /** Ratings of areas this framework no longer judges (only when read across a framework change). */
  removed: Rating[];
  /**
   * Gradings "in-force" only: ratings published as in force under another framework
   * beside this one's own, whose area this framework has no place for (no longer judged,
   * its successor has a rating of its own, or a later framework's area).
   */
  beside: Rating[];
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

/**
 * Why two frameworks' grades cannot be set side by side at all: the frameworks forbid it.
 * Data, worded once where pages are made (src/render/why-not-compared.ts).
 */
export type FrameworksApart =
  /** Not in one lineage: no crosswalk links their areas. */
  | { code: "not-linked"; newer: Framework; older: Framework }
  /** One lineage, the wrong way round: this inspection (`newer`) is filed under the framework `older` replaced. */
  | { code: "filed-under-replaced"; newer: Framework; older: Framework }
  /** A step between them changes scale and the inspectorate gives no translation (`newer` replaced `older`). */
  | { code: "no-grade-translation"; newer: Framework; older: Framework };

/**
 * Why a row of a comparison has no arrow: one code, with what its words need. The model
 * decides it once (src/model/compare.ts); the pages word it once
 * (src/render/why-not-compared.ts); the national picture counts it (src/model/national.ts);
 * the sentence chooses by it (src/model/sentence.ts). "Cannot be compared" belongs only to
 * the codes where the frameworks forbid it: frameworks, no-equivalent, merged, new-area.
 */
export type NoArrow =
  /** The frameworks forbid it: every row of the comparison. */
  | { code: "frameworks"; apart: FrameworksApart }
  /** This inspection did not judge the area: the rating stands. */
  | { code: "not-judged-again"; rating: Rating }
  /** A grading that gives every grade in force (gradings "in-force") holds none in this area: no rating is in force. */
  | { code: "not-in-grading" }
  /** This inspection judged it; its grade is not known to this site. */
  | { code: "current-unknown" }
  /** The earlier grade is not known to this site. */
  | { code: "earlier-unknown"; inspection: Inspection }
  /** This inspection gave an outcome that is not a grade (withheld, not rated). */
  | { code: "current-not-a-grade"; outcome: Outcome }
  /** The earlier outcome was not a grade. */
  | { code: "earlier-not-a-grade"; outcome: Rated; inspection: Inspection }
  /** The scales' declared translation has no equivalent for the earlier grade. */
  | { code: "no-equivalent"; grade: Grade; older: Framework; newer: Framework }
  /** Made from several areas judged separately then (`previous` gives each one's grade). */
  | { code: "merged"; parts: Area[]; inspection: Inspection }
  /** New in this framework: not judged before. */
  | { code: "new-area"; framework: Framework }
  /** Not judged at the earlier inspection, and no rating before it. */
  | { code: "not-judged-then"; inspection: Inspection }
  /** No earlier rating on this site. */
  | { code: "no-earlier-rating" }
  /** No longer judged in this framework. */
  | { code: "removed"; framework: Framework };

export type NoArrowCode = NoArrow["code"];

export interface ComparisonRow {
  relation: RowRelation;
  /** The area in the current inspection; null for an area no longer judged. */
  area: Area | null;
  /** What this inspection gave the area (not judged when it did not judge it); null for an area no longer judged. */
  current: Outcome | null;
  /** When this inspection did not judge the area: the rating that still stands. */
  carried?: Rating;
  /** Whether this inspection judged the area (a grade, a state or unknown). */
  judgedAgain: boolean;
  /**
   * The rating or ratings in force before, as the areas were judged then, each with the
   * inspection it came from; an outcome of null when the area had no rating.
   */
  previous: { area: Area; outcome: Rated | null; inspection?: Inspection }[];
  change: Change;
  /** Why there is no arrow (null when there is one): a code, worded where pages are made. */
  why: NoArrow | null;
  /**
   * What a reader should know beside the change, in sentences: the area's old name, a
   * combined judgement it was part of, a rating carried past an inspection, the
   * crosswalk's notes. Not why there is no arrow (`why`).
   */
  note: string;
}

export interface Comparison {
  current: Inspection;
  previous: Inspection;
  /** Set when the two cannot be compared at all (different scales, unconnected frameworks). */
  apart?: FrameworksApart;
  rows: ComparisonRow[];
  sentence: string;
}
