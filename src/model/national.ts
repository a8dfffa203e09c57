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
import type { Crosswalks } from "./crosswalk.ts";
import { frameworksInForce } from "./in-force.ts";
import { countsOn, type CountBy } from "./national-dates.ts";
import { readInto, ratingsAfter } from "./ratings.ts";
import type {
  Area,
  Change,
  ComparisonRow,
  Framework,
  Grade,
  Inspection,
  Inspectorate,
  Organisation,
  Rating,
  RatingsInForce,
} from "./types.ts";

/** Why an organisation has no grade in an area of the picture. */
export type NoGradeReason = "unknown" | "not-a-grade" | "never-rated" | "merged" | "other-scale";

export interface AreaDistribution {
  area: Area;
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
  "not-judged-again" | "unknown" | "no-earlier-rating" | "new-area" | "merged" | "not-a-grade" | "no-translation";

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
];

function emptyNoGrade(): Record<NoGradeReason, Organisation[]> {
  return { unknown: [], "not-a-grade": [], "never-rated": [], merged: [], "other-scale": [] };
}

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

/** Each area's distribution, from every organisation's ratings in force read into `framework`. */
function distributionsFor(
  framework: Framework,
  ratings: readonly { organisation: Organisation; inForce: RatingsInForce | null; latest: Inspection }[],
  crosswalks: Crosswalks,
): AreaDistribution[] {
  const good = framework.scale.grades.find((grade) => grade.id === "good");
  return framework.areas
    .filter((area) => !area.separate && !area.parent)
    .map((area) => {
      const grades = framework.scale.grades.map((grade) => ({ grade, organisations: [] as Organisation[] }));
      const noGrade = emptyNoGrade();
      let fromCombined = 0;
      let carried = 0;
      for (const { organisation, inForce, latest } of ratings) {
        const rating = inForce?.ratings.get(area.id);
        const counted = rating
          ? gradeOf(rating, framework, crosswalks)
          : inForce?.merged.has(area.id)
            ? "merged"
            : "never-rated";
        if (typeof counted === "string") {
          noGrade[counted].push(organisation);
          continue;
        }
        grades[counted.rank]!.organisations.push(organisation);
        if (rating!.relation === "split") fromCombined++;
        if (rating!.inspection !== latest) carried++;
      }
      const graded = grades.reduce((sum, item) => sum + item.organisations.length, 0);
      const goodOrBetter = good
        ? {
            count: grades.slice(0, good.rank + 1).reduce((sum, item) => sum + item.organisations.length, 0),
            of: graded,
          }
        : null;
      return { area, grades, noGrade, fromCombined, carried, goodOrBetter };
    });
}

/** Why a comparison row drew no arrow, for the movers' table. */
export function notComparedReason(row: ComparisonRow): NotComparedReason {
  const before = row.previous[0]?.outcome ?? null;
  if (!row.judgedAgain) return "not-judged-again";
  if (row.relation === "new") return "new-area";
  if (row.relation === "merged") return "merged";
  if (row.current?.kind === "unknown" || before?.kind === "unknown") return "unknown";
  if (!before) return "no-earlier-rating";
  if (row.current?.kind !== "grade" || before.kind !== "grade") return "not-a-grade";
  return "no-translation";
}

function emptyMovement(area: Area): AreaMovement {
  const notCompared = {
    "not-judged-again": 0,
    unknown: 0,
    "no-earlier-rating": 0,
    "new-area": 0,
    merged: 0,
    "not-a-grade": 0,
    "no-translation": 0,
  };
  return { area, counts: { improved: 0, declined: 0, unchanged: 0 }, notCompared, differentScale: 0 };
}

/** How each organisation moved at its latest inspection: the rows its explainer shows, counted. */
function movementsFor(latest: readonly Inspection[]): MovementGroup[] {
  const groups = new Map<
    Framework,
    { organisations: number; firstInspections: number; areas: Map<Area, AreaMovement> }
  >();
  for (const inspection of latest) {
    const group = groups.get(inspection.framework) ?? { organisations: 0, firstInspections: 0, areas: new Map() };
    groups.set(inspection.framework, group);
    group.organisations++;
    if (!inspection.comparison) {
      group.firstInspections++;
      continue;
    }
    for (const row of inspection.comparison.rows) {
      if (!row.area || row.area.parent) continue;
      const movement = group.areas.get(row.area) ?? emptyMovement(row.area);
      group.areas.set(row.area, movement);
      if (row.relation === "not-comparable") movement.differentScale++;
      else if (row.change === "no-arrow") movement.notCompared[notComparedReason(row)]++;
      else movement.counts[row.change]++;
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => b.inForce.from.localeCompare(a.inForce.from))
    .map(([framework, group]) => ({
      framework,
      organisations: group.organisations,
      firstInspections: group.firstInspections,
      areas: framework.areas.flatMap((area) => group.areas.get(area) ?? []),
    }));
}

function regionsFor(distribution: AreaDistribution, organisations: readonly Organisation[]): RegionRow[] {
  const rows = new Map<string, RegionRow>();
  const row = (region: string) => {
    const existing = rows.get(region) ?? { region, counts: distribution.grades.map(() => 0), noGrade: 0 };
    rows.set(region, existing);
    return existing;
  };
  const graded = new Set<Organisation>();
  distribution.grades.forEach(({ organisations: gradedHere }, index) => {
    for (const organisation of gradedHere) {
      graded.add(organisation);
      if (organisation.region) row(organisation.region).counts[index]!++;
    }
  });
  for (const organisation of organisations)
    if (!graded.has(organisation) && organisation.region) row(organisation.region).noGrade++;
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

interface LineEntry {
  organisation: Organisation;
  latest: Inspection;
  counted: Inspection[];
  /** The ratings in force read into each framework asked for, once each. */
  inForce: Map<Framework, RatingsInForce | null>;
}

/**
 * What the pictures worked out for each organisation, by date and counting rule: kept by
 * `npm start` between builds (src/site.ts), so that after an edit only the organisations
 * built again (src/model/update-model.ts: new objects) are walked again. An organisation's
 * lines depend on it alone, and on the frameworks and crosswalks, which are the same
 * objects as long as the organisation is.
 */
export type NationalMemo = WeakMap<Organisation, Map<string, [string, LineEntry][]>>;

export function nationalMemo(): NationalMemo {
  return new WeakMap();
}

/** One organisation's graded inspections counted by `day`, by line of frameworks. */
function organisationLines(organisation: Organisation, day: string, countBy: CountBy): [string, LineEntry][] {
  const byLine = new Map<string, Inspection[]>();
  for (const inspection of organisation.inspections) {
    if (!inspection.kind.graded || !countsOn(inspection, day, countBy)) continue;
    const key = `${inspection.framework.inspectorate.id}\u0000${inspection.framework.lineage}`;
    byLine.set(key, [...(byLine.get(key) ?? []), inspection]);
  }
  return [...byLine].map(([key, counted]) => [
    key,
    { organisation, latest: counted[counted.length - 1]!, counted, inForce: new Map() },
  ]);
}

/**
 * Each organisation's graded inspections counted by `day`, by line of frameworks. The
 * lines are in order (organisation.inspections is), so the counted ones of a line are
 * usually its first few, whose ratings the model has already worked out.
 */
function countedLines(
  organisations: readonly Organisation[],
  day: string,
  countBy: CountBy,
  memo: NationalMemo | undefined,
): Map<string, LineEntry[]> {
  const lines = new Map<string, LineEntry[]>();
  const memoKey = `${day}\u0000${countBy}`;
  for (const organisation of organisations) {
    let kept = memo?.get(organisation);
    if (memo && !kept) memo.set(organisation, (kept = new Map()));
    let own = kept?.get(memoKey);
    if (!own) {
      own = organisationLines(organisation, day, countBy);
      kept?.set(memoKey, own);
    }
    for (const [key, entry] of own) {
      const line = lines.get(key);
      if (line) line.push(entry);
      else lines.set(key, [entry]);
    }
  }
  return lines;
}

/** The ratings in force on the day: the model's after the latest, unless some earlier inspection of the line is not counted yet. */
function inForceOf(entry: LineEntry, framework: Framework, crosswalks: Crosswalks): RatingsInForce | null {
  if (entry.inForce.has(framework)) return entry.inForce.get(framework)!;
  const line = entry.organisation.inspections.filter(
    (inspection) =>
      inspection.kind.graded &&
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

function linePicture(
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
  const headline = distributions.find((distribution) => distribution.area.overall) ?? distributions[0];
  const organisations = entries.map((entry) => entry.organisation);
  const regionRows = headline ? regionsFor(headline, organisations) : [];
  const latest = entries.map((entry) => entry.latest);
  return {
    inspectorate: framework.inspectorate,
    framework,
    latest,
    distributions,
    movements: movementsFor(latest),
    byRegion: headline && regionRows.length ? { area: headline.area, rows: regionRows } : null,
  };
}

/**
 * The picture as at `asAt` (the latest publication date in the content when not given, so
 * the same content always gives the same picture: the build never reads the clock),
 * counting inspections by `countBy`. Made-up example organisations are left out: they
 * are there to show the format, not to be counted.
 */
export function nationalPicture(
  allOrganisations: readonly Organisation[],
  frameworks: readonly Framework[],
  crosswalks: Crosswalks,
  asAt?: string,
  countBy: CountBy = "publication",
  memo?: NationalMemo,
): NationalPicture {
  const organisations = allOrganisations.filter((organisation) => !organisation.example);
  const day = asAt ?? latestPublication(organisations);
  const lineages = [...countedLines(organisations, day, countBy, memo).values()].map((entries) =>
    linePicture(entries, frameworks, day, crosswalks),
  );
  lineages.sort(
    (a, b) => b.latest.length - a.latest.length || a.inspectorate.shortName.localeCompare(b.inspectorate.shortName),
  );
  return { asAt: day, countBy, lineages };
}
