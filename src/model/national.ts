/**
 * The national picture, as at a stated date: for each lineage of frameworks, the latest
 * grade of every organisation in each area of the framework in force, and how many
 * organisations moved between their latest graded inspection and the one before.
 *
 * Honest in the same ways as a single comparison: an organisation last inspected under an
 * older framework is read through the crosswalk (a split area takes the old combined
 * grade); merged or new areas, and different scales, are counted apart, never guessed.
 */
import { singleSource } from "./crosswalk.ts";
import { frameworksInForce } from "./in-force.ts";
import type { Area, Change, Framework, Grade, Inspection, Inspectorate, Organisation } from "./types.ts";

export interface AreaDistribution {
  area: Area;
  /** Organisations per grade, in scale order (best first). */
  grades: { grade: Grade; organisations: Organisation[] }[];
  /** Latest inspection gave no grade for this area, or it cannot be read across frameworks. */
  notGraded: Organisation[];
}

export interface AreaMovement {
  area: Area;
  counts: Record<Change, number>;
  /** Pairs on different scales or unconnected frameworks: counted, never compared. */
  notComparable: number;
}

export interface RegionRow {
  region: string;
  /** Per grade of the headline area, in scale order. */
  counts: number[];
  notGraded: number;
}

export interface LineagePicture {
  inspectorate: Inspectorate;
  /** The framework in force on the as-at date. */
  framework: Framework;
  /** Each organisation's latest graded inspection in this lineage, published by the date. */
  latest: Inspection[];
  distributions: AreaDistribution[];
  /** Movements by the framework the latest inspection was made under. */
  movements: { framework: Framework; areas: AreaMovement[] }[];
  /** For the headline area (overall, else the first): counts by region, when regions are known. */
  byRegion: { area: Area; rows: RegionRow[] } | null;
}

export interface NationalPicture {
  asAt: string;
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

function gradeFor(area: Area, current: Framework, inspection: Inspection): Grade | null {
  if (inspection.framework.scale !== current.scale) return null;
  const trace = singleSource(area.id, current, inspection.framework);
  if (!trace || trace.relation === "merged") return null;
  const outcome = inspection.judgements.find((judgement) => judgement.area.id === trace.from[0])?.outcome;
  return outcome?.kind === "grade" ? outcome : null;
}

function movementsFor(latest: readonly Inspection[]): LineagePicture["movements"] {
  const byFramework = new Map<Framework, Map<Area, AreaMovement>>();
  for (const inspection of latest) {
    const comparison = inspection.comparison;
    if (!comparison) continue;
    const areas = byFramework.get(inspection.framework) ?? new Map<Area, AreaMovement>();
    byFramework.set(inspection.framework, areas);
    for (const row of comparison.rows) {
      if (!row.area) continue;
      const movement = areas.get(row.area) ?? {
        area: row.area,
        counts: { improved: 0, declined: 0, unchanged: 0, "no-arrow": 0 },
        notComparable: 0,
      };
      areas.set(row.area, movement);
      if (row.relation === "not-comparable") movement.notComparable++;
      else movement.counts[row.change]++;
    }
  }
  return [...byFramework.entries()]
    .sort(([a], [b]) => b.inForce.from.localeCompare(a.inForce.from))
    .map(([framework, areas]) => ({
      framework,
      areas: framework.areas.flatMap((area) => areas.get(area) ?? []),
    }));
}

function regionsFor(distribution: AreaDistribution): RegionRow[] {
  const rows = new Map<string, RegionRow>();
  const row = (region: string) => {
    const existing = rows.get(region) ?? { region, counts: distribution.grades.map(() => 0), notGraded: 0 };
    rows.set(region, existing);
    return existing;
  };
  distribution.grades.forEach(({ organisations }, index) => {
    for (const organisation of organisations) if (organisation.region) row(organisation.region).counts[index]!++;
  });
  for (const organisation of distribution.notGraded) if (organisation.region) row(organisation.region).notGraded++;
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

/**
 * `asAt` defaults to the latest publication date in the content, so the same content always
 * gives the same picture (the build never reads the clock). Made-up example organisations
 * are left out: they are there to show the format, not to be counted.
 */
export function nationalPicture(
  allOrganisations: readonly Organisation[],
  frameworks: readonly Framework[],
  asAt?: string,
): NationalPicture {
  const organisations = allOrganisations.filter((organisation) => !organisation.example);
  const date = asAt ?? latestPublication(organisations);
  const lineages = new Map<string, Inspection[]>();
  for (const organisation of organisations) {
    const latestByLineage = new Map<string, Inspection>();
    for (const inspection of organisation.inspections) {
      if (!inspection.kind.graded || !inspection.published || inspection.published > date) continue;
      latestByLineage.set(`${inspection.framework.inspectorate.id}\u0000${inspection.framework.lineage}`, inspection);
    }
    for (const [key, inspection] of latestByLineage) lineages.set(key, [...(lineages.get(key) ?? []), inspection]);
  }
  const pictures = [...lineages.values()].map((latest): LineagePicture => {
    const sample = latest[0]!.framework;
    const framework = frameworkOn(
      frameworks.filter((candidate) => candidate.lineage === sample.lineage),
      date,
    );
    const distributions = framework.areas
      .filter((area) => !area.separate && !area.parent)
      .map((area) => {
        const grades = framework.scale.grades.map((grade) => ({ grade, organisations: [] as Organisation[] }));
        const notGraded: Organisation[] = [];
        for (const inspection of latest) {
          const grade = gradeFor(area, framework, inspection);
          if (grade) grades[grade.rank]!.organisations.push(inspection.organisation);
          else notGraded.push(inspection.organisation);
        }
        return { area, grades, notGraded };
      });
    const headline = distributions.find((distribution) => distribution.area.overall) ?? distributions[0];
    const regionRows = headline ? regionsFor(headline) : [];
    return {
      inspectorate: framework.inspectorate,
      framework,
      latest,
      distributions,
      movements: movementsFor(latest),
      byRegion: headline && regionRows.length ? { area: headline.area, rows: regionRows } : null,
    };
  });
  pictures.sort(
    (a, b) => b.latest.length - a.latest.length || a.inspectorate.shortName.localeCompare(b.inspectorate.shortName),
  );
  return { asAt: date, lineages: pictures };
}
