/**
 * The national picture as at a stated date (docs/domain.md, "The national picture"): for
 * each inspectorate and line of frameworks, the rating in force in every area of every
 * organisation on that date, read into the framework in force then, and how the
 * organisations moved at their latest inspection counted by then.
 *
 * Which inspections count is a rule stated on every picture (src/model/national-dates.ts):
 * by publication date, or by the end of the visit. Honest in the same ways as a single
 * comparison: ratings in force carry areas a partial inspection did not judge; an
 * organisation last inspected under an older framework is read through the crosswalk (a
 * split area takes the old combined grade, and the count of those is given); merged or
 * new areas, other scales, and grades not on this site yet are counted apart, never
 * guessed. Made-up example organisations are left out.
 *
 * Per organisation, one walk over its own inspections: O(n) per date after the model's
 * O(n log n) build, and no page scans every inspection.
 */
import { appliesTo } from "./applies.ts";
import { openOn } from "./open.ts";
import type { Crosswalks } from "./crosswalk.ts";
import { frameworksInForce } from "./in-force.ts";
import { countsOn, type CountBy } from "./national-dates.ts";
import { judgesServices } from "./previous.ts";
import { gradesInForce, readInto, ratingsAfter } from "./ratings.ts";
import { emptyRepeatTally, tallyRepeat, type RepeatTally } from "./repeat-inspections.ts";
import type {
  Area,
  Change,
  ComparisonRow,
  Framework,
  Grade,
  Inspection,
  Inspectorate,
  NoArrowCode,
  Organisation,
  Rating,
  RatingsInForce,
} from "./types.ts";

/**
 * Why an organisation has no grade in an area of the picture. `does-not-apply`: an area its
 * framework says does not apply to the organisation's kind (`appliesTo`: children's
 * wellbeing and a care home for older people), with no grade in it; such organisations are
 * left out of the area's base (`areaBase`), never counted among those with no grade.
 */
export type NoGradeReason =
  "unknown" | "not-a-grade" | "never-rated" | "merged" | "other-scale" | "no-longer-judged" | "does-not-apply";

export interface AreaDistribution {
  area: Area;
  /**
   * Set for an area the framework in force no longer judges (ILACS 2026's overall
   * effectiveness): the framework that dropped it. Each organisation counts with the
   * rating its inspections gave before; one whose latest inspection was under that
   * framework counts apart, as "no-longer-judged".
   */
  noLongerJudgedIn?: Framework;
  /** Organisations per grade, in scale order (best first). */
  grades: { grade: Grade; organisations: Organisation[] }[];
  /** Organisations with no grade to count, by why: never counted as a grade, nor unknown as not judged. */
  noGrade: Record<NoGradeReason, Organisation[]>;
  /** Of the graded, how many ratings come from a combined judgement of an older framework (a split area). */
  fromCombined: number;
  /** Of the graded, how many were carried from an inspection that judged this area, past later ones that did not. */
  carried: number;
  /** Good or better, of those graded, when the scale has a grade 'good'. */
  goodOrBetter: { count: number; of: number } | null;
}

/** Why a mover was not compared at its latest inspection. */
export type NotComparedReason =
  | "not-judged-again"
  | "no-grade-published"
  | "unknown"
  | "no-earlier-rating"
  | "new-area"
  | "merged"
  | "not-a-grade"
  | "no-translation";

export interface AreaMovement {
  area: Area;
  counts: Record<Exclude<Change, "no-arrow">, number>;
  notCompared: Record<NotComparedReason, number>;
  /** Pairs on different scales or unconnected frameworks: counted, never compared. */
  differentScale: number;
}

export interface RegionRow {
  region: string;
  /** Per grade of the headline area, in scale order. */
  counts: number[];
  /** Organisations with no grade in the headline area, for any reason. */
  noGrade: number;
}

export interface MovementGroup {
  /** The framework of the latest inspections in this group. */
  framework: Framework;
  /** How many organisations' latest counted inspection was under it. */
  organisations: number;
  /** Of those, how many had no earlier inspection to compare with. */
  firstInspections: number;
  areas: AreaMovement[];
}

export interface LineagePicture {
  inspectorate: Inspectorate;
  /** The framework in force on the as-at date: the areas the picture is read into. */
  framework: Framework;
  /** Each organisation's latest counted graded inspection in this line. */
  latest: Inspection[];
  distributions: AreaDistribution[];
  /** Movements at the latest inspection, by its framework. */
  movements: MovementGroup[];
  /** For the headline area (overall, else the first): counts by region, when regions are known. */
  byRegion: { area: Area; rows: RegionRow[] } | null;
  /**
   * Ofsted's own measure: organisations with two or more inspections in the series of the
   * framework in force, placed by the end of the visit (src/model/repeat-inspections.ts);
   * null when the scale has no grade 'good'.
   */
  repeatInspections: RepeatTally | null;
}

export interface NationalPicture {
  asAt: string;
  countBy: CountBy;
  lineages: LineagePicture[];
}

const newest = (frameworks: readonly Framework[]): Framework | undefined =>
  frameworks.reduce<Framework | undefined>(
    (latest, framework) => (latest && latest.inForce.from >= framework.inForce.from ? latest : framework),
    undefined,
  );

/**
 * The framework of a lineage to read the picture through: the one in force on the day;
 * failing that (the lineage has ended, or not yet begun), the latest to have started, or
 * the newest.
 */
function frameworkOn(lineage: readonly Framework[], day: string): Framework {
  return (
    newest(frameworksInForce(lineage, day)) ??
    newest(lineage.filter((framework) => framework.inForce.from <= day)) ??
    newest(lineage)!
  );
}

export const NO_GRADE_REASONS: readonly NoGradeReason[] = [
  "unknown",
  "not-a-grade",
  "never-rated",
  "merged",
  "other-scale",
  "no-longer-judged",
  "does-not-apply",
];

function emptyNoGrade(): Record<NoGradeReason, Organisation[]> {
  return {
    unknown: [],
    "not-a-grade": [],
    "never-rated": [],
    merged: [],
    "other-scale": [],
    "no-longer-judged": [],
    "does-not-apply": [],
  };
}

/**
 * The organisations an area's counts and shares are of: every organisation of the line
 * (`total`), less those of a kind the area does not apply to that have no grade in it.
 */
export const areaBase = (distribution: Pick<AreaDistribution, "noGrade">, total: number): number =>
  total - distribution.noGrade["does-not-apply"].length;

/** The grade of `framework`'s scale a rating counts as, or why it counts as none. */
function gradeOf(rating: Rating, framework: Framework, crosswalks: Crosswalks): Grade | NoGradeReason {
  const outcome = rating.outcome;
  if (outcome.kind === "unknown") return "unknown";
  if (outcome.kind !== "grade") return "not-a-grade";
  const from = rating.inspection.framework;
  if (from.scale === framework.scale) return outcome;
  const translation = crosswalks.translation(framework, from);
  const id = "reason" in translation ? undefined : translation.translate(outcome.id);
  const grade = id === undefined ? undefined : framework.scale.outcomes.get(id);
  return grade?.kind === "grade" ? grade : "other-scale";
}

/** How one organisation counts in an area of a distribution: a grade, or why none. */
export interface AreaShare {
  counted: Grade | NoGradeReason;
  /** Graded from a combined judgement of an older framework (a split area). */
  fromCombined: boolean;
  /** Graded by an inspection before its latest counted one, carried past those that did not judge the area. */
  carried: boolean;
}

/**
 * The rating still standing in `area` of the framework `framework` replaced, which
 * `framework` no longer judges: the removed rating read from the organisation's own
 * framework, if it is that area or its one source.
 */
function removedRating(area: Area, inForce: RatingsInForce | null, framework: Framework, crosswalks: Crosswalks) {
  const replaced = framework.replaces?.framework;
  if (!inForce || !replaced) return undefined;
  return inForce.removed.find((rating) => {
    if (rating.inspection.framework === replaced) return rating.area.id === area.id;
    const trace = crosswalks
      .trace(replaced, rating.inspection.framework)
      ?.areas.find((item) => item.areaId === area.id);
    return trace !== undefined && trace.relation !== "merged" && trace.from[0] === rating.area.id;
  });
}

/**
 * How an organisation with these ratings in force, read into `framework`, counts in `area`:
 * with no grade in an area that does not apply to its kind (src/model/applies.ts), it is
 * not in the area's base ("does-not-apply"); a grade it has there counts, as its page shows it.
 */
export function areaShare(
  area: Area,
  inForce: RatingsInForce | null,
  latest: Inspection,
  framework: Framework,
  crosswalks: Crosswalks,
): AreaShare {
  const share = shareIn(area, inForce, latest, framework, crosswalks);
  return typeof share.counted === "string" && !appliesTo(area, latest.organisation)
    ? { ...share, counted: "does-not-apply" }
    : share;
}

function shareIn(
  area: Area,
  inForce: RatingsInForce | null,
  latest: Inspection,
  framework: Framework,
  crosswalks: Crosswalks,
): AreaShare {
  if (!framework.areas.includes(area)) {
    // An area `framework` no longer judges: the rating from before it, if one stands.
    const before = removedRating(area, inForce, framework, crosswalks);
    if (!before) return { counted: "no-longer-judged", fromCombined: false, carried: false };
    const counted = gradeOf(before, framework.replaces!.framework, crosswalks);
    if (typeof counted === "string") return { counted, fromCombined: false, carried: false };
    return { counted, fromCombined: before.relation === "split", carried: before.inspection !== latest };
  }
  const rating = inForce?.ratings.get(area.id);
  if (!rating)
    return { counted: inForce?.merged.has(area.id) ? "merged" : "never-rated", fromCombined: false, carried: false };
  const counted = gradeOf(rating, framework, crosswalks);
  if (typeof counted === "string") return { counted, fromCombined: false, carried: false };
  // Gradings that give every grade in force: the latest published every grade it holds, none is carried.
  const carried = rating.inspection !== latest && !gradesInForce(latest);
  return { counted, fromCombined: rating.relation === "split", carried };
}

/** The areas a picture read into `framework` counts: its own, not the separate ones nor parts of another. */
export const pictureAreas = (framework: Framework): Area[] =>
  framework.areas.filter((area) => !area.separate && !area.parent);

/**
 * The areas of the framework `framework` replaced that it no longer judges, on the same
 * scale: most organisations' ratings in them still come from their latest inspection, so
 * the picture gives them too, said to be no longer judged (ILACS 2026's overall
 * effectiveness).
 */
export function noLongerJudgedAreas(framework: Framework, crosswalks: Crosswalks): Area[] {
  const replaced = framework.replaces?.framework;
  if (!replaced || replaced.scale !== framework.scale) return [];
  const removed = new Set(crosswalks.trace(framework, replaced)?.removed.map((item) => item.areaId));
  return pictureAreas(replaced).filter((area) => removed.has(area.id));
}

/** Good or better of the graded, when the scale has a grade 'good'. */
export function goodOrBetterOf(
  framework: Framework,
  grades: AreaDistribution["grades"],
): AreaDistribution["goodOrBetter"] {
  const good = framework.scale.grades.find((grade) => grade.id === "good");
  if (!good) return null;
  const count = (items: AreaDistribution["grades"]) => items.reduce((sum, item) => sum + item.organisations.length, 0);
  return { count: count(grades.slice(0, good.rank + 1)), of: count(grades) };
}

/** Each area's distribution, from every organisation's ratings in force read into `framework`. */
function distributionsFor(
  framework: Framework,
  ratings: readonly { organisation: Organisation; inForce: RatingsInForce | null; latest: Inspection }[],
  crosswalks: Crosswalks,
): AreaDistribution[] {
  const areas = [...pictureAreas(framework), ...noLongerJudgedAreas(framework, crosswalks)];
  return areas.map((area) => {
    const grades = framework.scale.grades.map((grade) => ({ grade, organisations: [] as Organisation[] }));
    const noGrade = emptyNoGrade();
    let fromCombined = 0;
    let carried = 0;
    for (const { organisation, inForce, latest } of ratings) {
      const share = areaShare(area, inForce, latest, framework, crosswalks);
      if (typeof share.counted === "string") {
        noGrade[share.counted].push(organisation);
        continue;
      }
      grades[share.counted.rank]!.organisations.push(organisation);
      if (share.fromCombined) fromCombined++;
      if (share.carried) carried++;
    }
    const goodOrBetter = goodOrBetterOf(framework, grades);
    const dropped = framework.areas.includes(area) ? {} : { noLongerJudgedIn: framework };
    return { area, ...dropped, grades, noGrade, fromCombined, carried, goodOrBetter };
  });
}

/** The movers' table's reason for each of the rows' codes (the codes are the comparison's own: src/model/types.ts, NoArrow). */
const NOT_COMPARED_BY_CODE: Record<Exclude<NoArrowCode, "frameworks">, NotComparedReason> = {
  "not-judged-again": "not-judged-again",
  "not-in-grading": "no-grade-published",
  "current-unknown": "unknown",
  "earlier-unknown": "unknown",
  "current-not-a-grade": "not-a-grade",
  "earlier-not-a-grade": "not-a-grade",
  "no-equivalent": "no-translation",
  merged: "merged",
  "new-area": "new-area",
  "not-judged-then": "no-earlier-rating",
  "no-earlier-rating": "no-earlier-rating",
  removed: "not-judged-again",
};

/** Why a comparison row drew no arrow, for the movers' table: the row's own code, grouped. */
export function notComparedReason(row: ComparisonRow): NotComparedReason {
  const code = row.why?.code;
  if (!code || code === "frameworks") return "no-translation";
  return NOT_COMPARED_BY_CODE[code];
}

function emptyMovement(area: Area): AreaMovement {
  const notCompared = {
    "not-judged-again": 0,
    "no-grade-published": 0,
    unknown: 0,
    "no-earlier-rating": 0,
    "new-area": 0,
    merged: 0,
    "not-a-grade": 0,
    "no-translation": 0,
  };
  return { area, counts: { improved: 0, declined: 0, unchanged: 0 }, notCompared, differentScale: 0 };
}

/** A movement group while it is counted: by area, with the counts not yet in the framework's order. */
export interface MovementTally {
  organisations: number;
  firstInspections: number;
  areas: Map<Area, AreaMovement>;
}

/** Counts (`sign` 1) or takes back (`sign` -1) how an organisation moved at its latest inspection: the rows its explainer shows. */
export function tallyMovement(groups: Map<Framework, MovementTally>, inspection: Inspection, sign: 1 | -1): void {
  const group = groups.get(inspection.framework) ?? { organisations: 0, firstInspections: 0, areas: new Map() };
  groups.set(inspection.framework, group);
  group.organisations += sign;
  if (!inspection.comparison) {
    group.firstInspections += sign;
    return;
  }
  for (const row of inspection.comparison.rows) {
    if (!row.area || row.area.parent) continue;
    const movement = group.areas.get(row.area) ?? emptyMovement(row.area);
    group.areas.set(row.area, movement);
    if (row.relation === "not-comparable") movement.differentScale += sign;
    else if (row.change === "no-arrow") movement.notCompared[notComparedReason(row)] += sign;
    else movement.counts[row.change] += sign;
  }
}

const movementTotal = (movement: AreaMovement): number =>
  movement.differentScale +
  Object.values(movement.counts).reduce((sum, count) => sum + count, 0) +
  Object.values(movement.notCompared).reduce((sum, count) => sum + count, 0);

/**
 * The tallied groups as the picture gives them: newest framework first, groups and areas
 * that count nobody left out, areas in the framework's order. Groups whose frameworks
 * came into force on the same day stay in the order `groups` has them.
 */
export function movementGroups(groups: ReadonlyMap<Framework, MovementTally>): MovementGroup[] {
  return [...groups.entries()]
    .filter(([, group]) => group.organisations > 0)
    .sort(([a], [b]) => b.inForce.from.localeCompare(a.inForce.from))
    .map(([framework, group]) => ({
      framework,
      organisations: group.organisations,
      firstInspections: group.firstInspections,
      areas: framework.areas.flatMap((area) => {
        const movement = group.areas.get(area);
        return movement && movementTotal(movement) > 0 ? [movement] : [];
      }),
    }));
}

/** How each organisation moved at its latest inspection, by the framework of that inspection. */
function movementsFor(latest: readonly Inspection[]): MovementGroup[] {
  const groups = new Map<Framework, MovementTally>();
  for (const inspection of latest) tallyMovement(groups, inspection, 1);
  return movementGroups(groups);
}

function regionsFor(distribution: AreaDistribution, organisations: readonly Organisation[]): RegionRow[] {
  const rows = new Map<string, RegionRow>();
  const row = (region: string) => {
    const existing = rows.get(region) ?? { region, counts: distribution.grades.map(() => 0), noGrade: 0 };
    rows.set(region, existing);
    return existing;
  };
  // The graded, and those of a kind the area does not apply to, which no region counts.
  const placed = new Set<Organisation>(distribution.noGrade["does-not-apply"]);
  distribution.grades.forEach(({ organisations: gradedHere }, index) => {
    for (const organisation of gradedHere) {
      placed.add(organisation);
      if (organisation.region) row(organisation.region).counts[index]!++;
    }
  });
  for (const organisation of organisations)
    if (!placed.has(organisation) && organisation.region) row(organisation.region).noGrade++;
  return [...rows.values()].sort((a, b) => a.region.localeCompare(b.region));
}

/** The latest publication date among real (not example) organisations' inspections. */
export function latestPublication(organisations: readonly Organisation[]): string {
  let latest = "";
  for (const organisation of organisations) {
    if (organisation.example) continue;
    for (const inspection of organisation.inspections)
      if (inspection.published && inspection.published > latest) latest = inspection.published;
  }
  return latest;
}

/** One organisation in one line of frameworks, as at a day under a counting rule. */
export interface LineEntry {
  organisation: Organisation;
  latest: Inspection;
  counted: Inspection[];
  /** The ratings in force read into each framework asked for, once each. */
  inForce: Map<Framework, RatingsInForce | null>;
}

/** An organisation's lines as at a day under a rule, each with its key (inspectorate and lineage), in the order its inspections first reach them. */
export type LinesOf = (organisation: Organisation) => readonly [string, LineEntry][];

/** One organisation's graded inspections counted by `day`, by line of frameworks. */
export function organisationLines(organisation: Organisation, day: string, countBy: CountBy): [string, LineEntry][] {
  // Only organisations open on the day are counted (src/model/open.ts).
  if (!openOn(organisation, day)) return [];
  const byLine = new Map<string, Inspection[]>();
  for (const inspection of organisation.inspections) {
    // A report of areas shown apart only (a safeguarding board's review) rates none of the services.
    if (!judgesServices(inspection) || !countsOn(inspection, day, countBy)) continue;
    const key = `${inspection.framework.inspectorate.id}\u0000${inspection.framework.lineage}`;
    byLine.set(key, [...(byLine.get(key) ?? []), inspection]);
  }
  return [...byLine].map(([key, counted]) => [
    key,
    { organisation, latest: counted[counted.length - 1]!, counted, inForce: new Map() },
  ]);
}

/**
 * Each organisation's graded inspections counted, by line of frameworks. The lines are in
 * order (organisation.inspections is), so the counted ones of a line are usually its first
 * few, whose ratings the model has already worked out.
 */
function countedLines(organisations: readonly Organisation[], linesOf: LinesOf): Map<string, LineEntry[]> {
  const lines = new Map<string, LineEntry[]>();
  for (const organisation of organisations) {
    for (const [key, entry] of linesOf(organisation)) {
      const line = lines.get(key);
      if (line) line.push(entry);
      else lines.set(key, [entry]);
    }
  }
  return lines;
}

/** The ratings in force on the day: the model's after the latest, unless some earlier inspection of the line is not counted yet. */
export function inForceOf(entry: LineEntry, framework: Framework, crosswalks: Crosswalks): RatingsInForce | null {
  if (entry.inForce.has(framework)) return entry.inForce.get(framework)!;
  const line = entry.organisation.inspections.filter(
    (inspection) =>
      judgesServices(inspection) &&
      inspection.framework.lineage === entry.latest.framework.lineage &&
      inspection.framework.inspectorate === entry.latest.framework.inspectorate,
  );
  const prefix = line.indexOf(entry.latest) + 1 === entry.counted.length;
  const inForce =
    prefix && entry.latest.ratings
      ? readInto(entry.latest.ratings.after, framework, crosswalks)
      : ratingsAfter(entry.counted, framework, crosswalks);
  entry.inForce.set(framework, inForce);
  return inForce;
}

/** The headline distribution: overall, else the first. */
export const headlineOf = (distributions: readonly AreaDistribution[]): AreaDistribution | undefined => {
  const judged = distributions.filter((distribution) => !distribution.noLongerJudgedIn);
  return judged.find((distribution) => distribution.area.overall) ?? judged[0];
};

/** One line's picture, from its organisations' entries in the organisations' order. */
export function linePicture(
  entries: readonly LineEntry[],
  frameworks: readonly Framework[],
  day: string,
  crosswalks: Crosswalks,
): LineagePicture {
  const sample = entries[0]!.latest.framework;
  const framework = frameworkOn(
    frameworks.filter((candidate) => candidate.lineage === sample.lineage),
    day,
  );
  const ratings = entries.map((entry) => ({
    organisation: entry.organisation,
    latest: entry.latest,
    inForce: inForceOf(entry, framework, crosswalks),
  }));
  const distributions = distributionsFor(framework, ratings, crosswalks);
  const headline = headlineOf(distributions);
  const organisations = entries.map((entry) => entry.organisation);
  const regionRows = headline ? regionsFor(headline, organisations) : [];
  const latest = entries.map((entry) => entry.latest);
  const repeatInspections = emptyRepeatTally(framework, pictureAreas(framework));
  if (repeatInspections)
    for (const entry of entries) tallyRepeat(repeatInspections, entry.organisation, framework, day, crosswalks, 1);
  return {
    inspectorate: framework.inspectorate,
    framework,
    latest,
    distributions,
    movements: movementsFor(latest),
    byRegion: headline && regionRows.length ? { area: headline.area, rows: regionRows } : null,
    repeatInspections,
  };
}

/** Each line's picture by its key, in the order the lines first appear among `organisations`. */
export function linePictures(
  organisations: readonly Organisation[],
  frameworks: readonly Framework[],
  day: string,
  crosswalks: Crosswalks,
  linesOf: LinesOf,
): Map<string, LineagePicture> {
  const lines = new Map<string, LineagePicture>();
  for (const [key, entries] of countedLines(organisations, linesOf))
    lines.set(key, linePicture(entries, frameworks, day, crosswalks));
  return lines;
}

/** The lineages' order in a picture: most organisations first, then by inspectorate (a stable sort: ties stay in the order they first appear). */
export const lineageOrder = (a: LineagePicture, b: LineagePicture): number =>
  b.latest.length - a.latest.length || a.inspectorate.shortName.localeCompare(b.inspectorate.shortName);

/** Made-up example organisations are there to show the format, not to be counted. */
export const countedOrganisations = (organisations: readonly Organisation[]): Organisation[] =>
  organisations.filter((organisation) => !organisation.example);

/**
 * The picture as at `asAt` (the latest publication date in the content when not given, so
 * the same content always gives the same picture: the build never reads the clock),
 * counting inspections by `countBy`. Made-up example organisations are left out. The
 * preview keeps its pictures and works out only what an edit changed
 * (src/preview/national-memo.ts): the same picture.
 */
export function nationalPicture(
  allOrganisations: readonly Organisation[],
  frameworks: readonly Framework[],
  crosswalks: Crosswalks,
  asAt?: string,
  countBy: CountBy = "publication",
): NationalPicture {
  const organisations = countedOrganisations(allOrganisations);
  const day = asAt ?? latestPublication(organisations);
  const lines = linePictures(organisations, frameworks, day, crosswalks, (organisation) =>
    organisationLines(organisation, day, countBy),
  );
  return { asAt: day, countBy, lineages: [...lines.values()].sort(lineageOrder) };
}
