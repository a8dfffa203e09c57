/**
 * The real ILACS history (../shared/data), imported into an empty folder and built: the
 * national pictures in the open data are checked against the CSV two ways.
 *
 * 1. By hand: eleven authorities' rows, read in the CSV and written out below as the
 *    ratings and movers they must give (the CSV lines are quoted beside them).
 * 2. By an independent computation over the CSV, written here from the rules in
 *    docs/domain.md, not from the model's code: every authority, every area, every date.
 *
 * Skipped, saying so, when ../shared is not beside the project.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "csv-parse/sync";
import { runBuild } from "../fixtures/build-site.ts";
import { importInto, temporaryFolder } from "../fixtures/import/support.ts";
import { sharedFile } from "../fixtures/shared.ts";

const history = sharedFile("ofsted-ilacs-history.csv", "the national pictures of the real ILACS history");
const real = suite("national pictures of the real ILACS history (../shared/data)");

interface Area {
  area_id: string;
  grades: { grade_id: string; organisation_ids: string[] }[];
  no_grade: Record<string, string[]>;
}
interface Movement {
  framework_id: string;
  organisations: number;
  first_inspections: number;
  areas: {
    area_id: string;
    improved: number;
    unchanged: number;
    declined: number;
    not_compared: Record<string, number>;
  }[];
}
interface Picture {
  as_at: string;
  lineages: {
    inspectorate_id: string;
    framework_id: string;
    organisations: number;
    areas: Area[];
    movements: Movement[];
  }[];
}

/** An authority's rating in each area as the picture gives it: a grade id, or 'unknown'. */
function ratingsIn(picture: Picture, id: string): Record<string, string> {
  const ofsted = picture.lineages.find((lineage) => lineage.inspectorate_id === "ofsted")!;
  return Object.fromEntries(
    ofsted.areas.map((area) => {
      const grade = area.grades.find((item) => item.organisation_ids.includes(id))?.grade_id;
      const none = Object.entries(area.no_grade).find(([, ids]) => ids.includes(id))?.[0];
      return [area.area_id, grade ?? none ?? "absent"];
    }),
  );
}

// ---- The independent computation: the CSV, read by the rules in docs/domain.md. ----

type Row = Record<string, string>;
const GRADES = ["outstanding", "good", "requires improvement", "inadequate"];
const IDS: Record<string, string> = {
  outstanding: "outstanding",
  good: "good",
  "requires improvement": "requires-improvement",
  inadequate: "inadequate",
};
const iso = (text: string, yearDigits: 2 | 4) => {
  if (!text.trim()) return "";
  const [day, month, year] = text.trim().split("/");
  return `${yearDigits === 2 ? `20${year}` : year}-${month}-${day}`;
};

interface Inspection {
  authority: string;
  start: string;
  published: string;
  /** The day it is placed on: its first day, or its publication date without one. */
  placed: string;
  framework: "sif" | "ilacs-2018" | "ilacs-2023" | "ilacs-2026";
  row: Row;
}

/** Frameworks by their first day (the shipped frameworks' dates). */
function frameworkOn(day: string): Inspection["framework"] | null {
  if (day >= "2026-04-01") return "ilacs-2026";
  if (day >= "2023-01-01") return "ilacs-2023";
  if (day >= "2018-01-01") return "ilacs-2018";
  if (day >= "2013-11-01") return "sif";
  return null;
}

/**
 * Every row that is an inspection on the site. A row without visit dates takes the
 * framework a report published then could be under: the latest of those in force in the
 * year before, except that an empty kind cell is only the single inspection framework's.
 */
function inspections(rows: Row[]): Inspection[] {
  return rows.flatMap((row): Inspection[] => {
    const start = iso(row.inspection_start_date!, 4);
    const published = iso(row.publication_date!, 2);
    const authority = row
      .local_authority!.trim()
      .replace(/&/g, "and")
      .replace(/'/g, "")
      .replace(/[^a-z0-9]+/gi, "-")
      .toLowerCase();
    let framework = start ? frameworkOn(start) : null;
    if (!start) {
      const yearBefore = `${Number(published.slice(0, 4)) - 1}${published.slice(4)}`;
      const candidates = (["sif", "ilacs-2018", "ilacs-2023", "ilacs-2026"] as const).filter((id) => {
        const from = {
          sif: "2013-11-01",
          "ilacs-2018": "2018-01-01",
          "ilacs-2023": "2023-01-01",
          "ilacs-2026": "2026-04-01",
        }[id];
        const to = {
          sif: "2017-12-31",
          "ilacs-2018": "2022-12-31",
          "ilacs-2023": "2026-03-31",
          "ilacs-2026": "9999-12-31",
        }[id];
        return from <= published && to >= yearBefore;
      });
      const fitting = row.inspection_framework!.trim() === "" ? candidates.filter((id) => id === "sif") : candidates;
      framework = (fitting.length ? fitting : candidates).at(-1) ?? null;
    }
    return framework ? [{ authority, start, published, placed: start || published, framework, row }] : [];
  });
}

/** The value an inspection gave an area of a framework in the ILACS line, read through the crosswalk: a grade id or 'unknown'. */
function valueFor(inspection: Inspection, area: string): string {
  // ILACS 2018's children in care and care leavers took two SIF judgements (children looked
  // after, and care leavers): no one SIF grade stands for it, nor for its 2023 halves.
  if (inspection.framework === "sif" && /^(children-in-care|care-leavers)/.test(area)) return "merged";
  const pre2023 = inspection.framework === "sif" || inspection.framework === "ilacs-2018";
  const column: Record<string, string> = {
    "overall-effectiveness": "overall_effectiveness_grade",
    "impact-of-leaders": "impact_of_leaders_grade",
    "leadership-management-governance": "impact_of_leaders_grade",
    "help-and-protection": "help_and_protection_grade",
    "children-looked-after": "in_care_grade",
    "children-in-care-and-care-leavers": "in_care_grade",
    "children-in-care": "in_care_grade",
    "care-leavers": pre2023 ? "in_care_grade" : "care_leavers_grade",
  };
  const raw = inspection.row[column[area]!]!.trim();
  return GRADES.includes(raw) ? IDS[raw]! : "unknown";
}

const AREAS: Record<Inspection["framework"], string[]> = {
  sif: ["overall-effectiveness", "help-and-protection", "children-looked-after", "leadership-management-governance"],
  "ilacs-2018": [
    "overall-effectiveness",
    "impact-of-leaders",
    "help-and-protection",
    "children-in-care-and-care-leavers",
  ],
  "ilacs-2023": [
    "overall-effectiveness",
    "impact-of-leaders",
    "help-and-protection",
    "children-in-care",
    "care-leavers",
  ],
  "ilacs-2026": ["impact-of-leaders", "help-and-protection", "children-in-care", "care-leavers"],
};

/** Each authority's inspections, in order. */
function byAuthority(all: Inspection[]): Map<string, Inspection[]> {
  const map = new Map<string, Inspection[]>();
  for (const inspection of all) map.set(inspection.authority, [...(map.get(inspection.authority) ?? []), inspection]);
  for (const list of map.values())
    list.sort((a, b) => a.placed.localeCompare(b.placed) || a.published.localeCompare(b.published));
  return map;
}

/** The distribution as at `day`, by publication: area -> rating -> authorities. */
function expectedDistribution(authorities: Map<string, Inspection[]>, day: string) {
  const framework = frameworkOn(day)!;
  const result: Record<string, Record<string, string[]>> = {};
  // ILACS 2026 no longer gives overall effectiveness: the picture still gives it, from the
  // inspections before, and counts apart those last inspected under ILACS 2026.
  const dropped = framework === "ilacs-2026" ? ["overall-effectiveness"] : [];
  for (const area of [...AREAS[framework], ...dropped]) result[area] = {};
  for (const [authority, list] of authorities) {
    const latest = list.filter((inspection) => inspection.published <= day).at(-1);
    if (!latest) continue;
    for (const area of AREAS[framework]) {
      const value = valueFor(latest, area);
      (result[area]![value] ??= []).push(authority);
    }
    for (const area of dropped) {
      const value = latest.framework === "ilacs-2026" ? "no-longer-judged" : valueFor(latest, area);
      (result[area]![value] ??= []).push(authority);
    }
  }
  return result;
}

/** Movers at each authority's latest inspection by `day`: framework -> area -> change -> count. */
function expectedMovers(authorities: Map<string, Inspection[]>, day: string) {
  const result: Record<string, Record<string, Record<string, number>>> = {};
  for (const list of authorities.values()) {
    const counted = list.filter((inspection) => inspection.published <= day);
    const latest = counted.at(-1);
    if (!latest) continue;
    const before = list[list.indexOf(latest) - 1];
    const framework = (result[latest.framework] ??= {});
    for (const area of AREAS[latest.framework]) {
      const counts = (framework[area] ??= {});
      const change = !before ? "first" : movement(valueFor(latest, area), valueFor(before, area));
      counts[change] = (counts[change] ?? 0) + 1;
    }
  }
  return result;
}

function movement(now: string, then: string): string {
  if (now === "unknown" || then === "unknown" || then === "merged") return "unknown";
  const rank = (id: string) => Object.values(IDS).indexOf(id);
  return rank(now) < rank(then) ? "improved" : rank(now) > rank(then) ? "declined" : "unchanged";
}

if (!history) {
  real.skip("national pictures are checked against the CSV (the CSV is not here)", () => {});
} else {
  const folder = temporaryFolder("national-real");
  const content = join(folder, "content");
  const site = join(folder, "site");
  const pictures = new Map<string, Picture>();
  let rows: Row[] = [];

  real.before(() => {
    importInto(content, { csv: history });
    const build = runBuild(["--content", content, "--output", site, "--no-search"]);
    if (build.status !== 0) throw new Error(build.stderr);
    for (const name of readdirSync(join(site, "data/national")))
      pictures.set(
        name.replace(/\.json$/, ""),
        JSON.parse(readFileSync(join(site, "data/national", name), "utf8")) as Picture,
      );
    rows = parse(readFileSync(history, "utf8"), { columns: true, skip_empty_lines: true }) as Row[];
  });
  real.after(() => rmSync(folder, { recursive: true, force: true }));

  real("pictures as at 31 March of every year from 2014 to 2026 and the latest report, 20 August 2026", () => {
    assert.equal([...pictures.keys()].sort(), [
      ...Array.from({ length: 13 }, (_, index) => `${2014 + index}-03-31`),
      "2026-08-20",
      "latest",
    ]);
    assert.is(pictures.get("latest")!.as_at, "2026-08-20");
  });

  real("by hand: eleven authorities' ratings as at the latest report, from their CSV rows", () => {
    const latest = pictures.get("latest")!;
    // With overall effectiveness, which ILACS 2026 no longer judges: each one's latest
    // inspection was under ILACS 2023 or before, so its overall grade stands (the first cell).
    const four = (overall: string, impact: string, help: string, care: string, leavers: string) => ({
      "impact-of-leaders": impact,
      "help-and-protection": help,
      "children-in-care": care,
      "care-leavers": leavers,
      "overall-effectiveness": overall,
    });
    const [o, g, ri, i] = ["outstanding", "good", "requires-improvement", "inadequate"];
    // brighton and hove,16/05/24,(no kind, no dates),outstanding,outstanding,good,outstanding,outstanding: the 2024 report, not 2018's good.
    assert.equal(ratingsIn(latest, "brighton-and-hove"), four(o!, o!, g!, o!, o!));
    // nottingham,05/09/22,(no dates),inadequate,requires improvement,inadequate,requires improvement,inadequate:
    // ILACS 2018 then, so children in care and care leavers are its one judgement (RI); the care leavers cell is not used.
    assert.equal(ratingsIn(latest, "nottingham"), four(i!, ri!, i!, ri!, ri!));
    // redcar and cleveland,28/01/26,standard,01/12/2025: good,good,good,requires improvement,good
    assert.equal(ratingsIn(latest, "redcar-and-cleveland"), four(g!, g!, g!, ri!, g!));
    // wiltshire,12/12/23,short,25/09/2023: outstanding,outstanding,good,outstanding,outstanding
    assert.equal(ratingsIn(latest, "wiltshire"), four(o!, o!, g!, o!, o!));
    // southend-on-sea,03/12/24,standard,14/10/2024: good,good,good,requires improvement,good
    assert.equal(ratingsIn(latest, "southend-on-sea"), four(g!, g!, g!, ri!, g!));
    // dorset,09/05/25,short: outstanding,outstanding,outstanding,outstanding,good
    assert.equal(ratingsIn(latest, "dorset"), four(o!, o!, o!, o!, g!));
    // doncaster,18/03/25,standard: good,good,good,good,requires improvement
    assert.equal(ratingsIn(latest, "doncaster"), four(g!, g!, g!, g!, ri!));
    // torbay,24/02/26,short,12/01/2026: good everywhere
    assert.equal(ratingsIn(latest, "torbay"), four(g!, g!, g!, g!, g!));
    // norfolk,18/05/26,short,23/02/2026: outstanding everywhere
    assert.equal(ratingsIn(latest, "norfolk"), four(o!, o!, o!, o!, o!));
    // birmingham,18/04/23,standard: good everywhere
    assert.equal(ratingsIn(latest, "birmingham"), four(g!, g!, g!, g!, g!));
    // kingston upon hull,18/05/26,standard,02/03/2026: good,outstanding,good,good,outstanding
    assert.equal(ratingsIn(latest, "kingston-upon-hull"), four(g!, o!, g!, g!, o!));
  });

  real("by hand: the same authorities as at 31 March 2024, and an unknown grade counted apart", () => {
    const at = pictures.get("2024-03-31")!;
    const five = (overall: string, impact: string, help: string, care: string, leavers: string) => ({
      "overall-effectiveness": overall,
      "impact-of-leaders": impact,
      "help-and-protection": help,
      "children-in-care": care,
      "care-leavers": leavers,
    });
    const [o, g, ri, i] = ["outstanding", "good", "requires-improvement", "inadequate"];
    // brighton and hove,21/08/18,standard: good,good,requires improvement,good (the 2024 report is not out yet)
    assert.equal(ratingsIn(at, "brighton-and-hove"), five(g!, g!, ri!, g!, g!));
    assert.equal(ratingsIn(at, "nottingham"), five(i!, ri!, i!, ri!, ri!));
    // redcar and cleveland,22/09/22,(no dates): requires improvement everywhere
    assert.equal(ratingsIn(at, "redcar-and-cleveland"), five(ri!, ri!, ri!, ri!, ri!));
    assert.equal(ratingsIn(at, "wiltshire"), five(o!, o!, g!, o!, o!));
    // southend-on-sea,27/08/19: (empty),requires improvement,to requires improvement,requires improvement
    assert.equal(ratingsIn(at, "southend-on-sea"), five("unknown", ri!, "unknown", ri!, ri!));
    // dorset,19/11/21: good,outstanding,good,good
    assert.equal(ratingsIn(at, "dorset"), five(g!, o!, g!, g!, g!));
    // doncaster,08/04/22: requires improvement,inadequate,requires improvement,requires improvement
    assert.equal(ratingsIn(at, "doncaster"), five(ri!, i!, ri!, ri!, ri!));
    assert.equal(ratingsIn(at, "torbay"), five(g!, g!, g!, g!, g!));
    // norfolk,13/01/23,standard,07/11/2022: good everywhere
    assert.equal(ratingsIn(at, "norfolk"), five(g!, g!, g!, g!, g!));
    assert.equal(ratingsIn(at, "birmingham"), five(g!, g!, g!, g!, g!));
    // kingston upon hull,13/01/23: requires improvement,requires improvement,requires improvement,good
    assert.equal(ratingsIn(at, "kingston-upon-hull"), five(ri!, ri!, ri!, g!, g!));
    // brighton and hove,22/06/15,(no dates): data_unreadable: every grade unknown as at 31 March 2016.
    const sif = ratingsIn(pictures.get("2016-03-31")!, "brighton-and-hove");
    assert.equal(sif, {
      "overall-effectiveness": "unknown",
      "help-and-protection": "unknown",
      "children-looked-after": "unknown",
      "leadership-management-governance": "unknown",
    });
  });

  real("by hand: movers as at the latest report for the eleven, from each one's last two rows", () => {
    // Counted from the ILACS 2023 group's areas, for the eleven whose latest is under ILACS 2023.
    const latest = pictures.get("latest")!.lineages.find((lineage) => lineage.inspectorate_id === "ofsted")!;
    const group = latest.movements.find((movement) => movement.framework_id === "ofsted-ilacs-2023")!;
    assert.ok(group.organisations > 11);
    // Their changes, by hand (overall, impact, help, children in care, care leavers):
    // brighton 2018->2024: up, up, up, up, up; redcar 2022->2026: up, up, up, same, up;
    // wiltshire 2019->2023: up, up, same, up, up; southend 2019->2024: unknown, up, unknown, same, up;
    // dorset 2021->2025: up, same, up, up, same; doncaster 2022->2025: up, up, up, up, same;
    // torbay 2022->2026: same x5; norfolk 2023->2026: up x5; birmingham 2019->2023: up x5;
    // hull 2023->2026: up, up, up, same, up. (Nottingham's latest, 2022, is under ILACS 2018.)
    const hand = { improved: [8, 8, 7, 6, 7], unchanged: [1, 2, 2, 4, 3], unknown: [1, 0, 1, 0, 0] };
    const expected = expectedMovers(byAuthority(inspections(rows)), "2026-08-20")["ilacs-2023"]!;
    const eleven = [
      "brighton-and-hove",
      "redcar-and-cleveland",
      "wiltshire",
      "southend-on-sea",
      "dorset",
      "doncaster",
      "torbay",
      "norfolk",
      "birmingham",
      "kingston-upon-hull",
    ];
    const only = byAuthority(inspections(rows).filter((inspection) => eleven.includes(inspection.authority)));
    const ours = expectedMovers(only, "2026-08-20")["ilacs-2023"]!;
    assert.equal(
      AREAS["ilacs-2023"].map((area) => ours[area]!.improved ?? 0),
      hand.improved,
    );
    assert.equal(
      AREAS["ilacs-2023"].map((area) => ours[area]!.unchanged ?? 0),
      hand.unchanged,
    );
    assert.equal(
      AREAS["ilacs-2023"].map((area) => ours[area]!.unknown ?? 0),
      hand.unknown,
    );
    // And the site's counts for the whole group are the independent computation's.
    for (const area of group.areas) {
      const counts = expected[area.area_id]!;
      assert.equal(
        [area.improved, area.unchanged, area.declined, area.not_compared.unknown ?? 0],
        [counts.improved ?? 0, counts.unchanged ?? 0, counts.declined ?? 0, counts.unknown ?? 0],
        `movers in ${area.area_id}`,
      );
    }
  });

  real(
    "every authority, every area, every date: the site's distributions and movers are the independent computation's",
    () => {
      const authorities = byAuthority(inspections(rows));
      for (const [name, picture] of pictures) {
        if (name === "latest") continue;
        const ofsted = picture.lineages.find((lineage) => lineage.inspectorate_id === "ofsted")!;
        const expected = expectedDistribution(authorities, picture.as_at);
        const site = Object.fromEntries(
          ofsted.areas.map((area) => {
            const byRating: Record<string, string[]> = {};
            for (const grade of area.grades)
              if (grade.organisation_ids.length) byRating[grade.grade_id] = grade.organisation_ids;
            for (const [reason, ids] of Object.entries(area.no_grade)) if (ids.length) byRating[reason] = ids;
            return [area.area_id, byRating];
          }),
        );
        const sorted = (value: Record<string, Record<string, string[]>>) =>
          Object.fromEntries(
            Object.entries(value).map(([area, ratings]) => [
              area,
              Object.fromEntries(Object.entries(ratings).map(([rating, ids]) => [rating, [...ids].sort()])),
            ]),
          );
        assert.equal(sorted(site), sorted(expected), `the distributions as at ${picture.as_at}`);
        const movers = expectedMovers(authorities, picture.as_at);
        for (const group of ofsted.movements) {
          const key = group.framework_id.replace("ofsted-", "").replace("sif-2013", "sif");
          for (const area of group.areas) {
            const counts = movers[key]![area.area_id]!;
            const notCompared = Object.values(area.not_compared).reduce((sum, count) => sum + count, 0);
            assert.equal(
              [area.improved, area.unchanged, area.declined, notCompared],
              [counts.improved ?? 0, counts.unchanged ?? 0, counts.declined ?? 0, counts.unknown ?? 0],
              `movers in ${group.framework_id} ${area.area_id} as at ${picture.as_at}`,
            );
          }
          const firsts = movers[key]![AREAS[key as Inspection["framework"]][0]!]!.first ?? 0;
          assert.is(
            group.first_inspections,
            firsts,
            `first inspections under ${group.framework_id} as at ${picture.as_at}`,
          );
        }
      }
    },
  );

  real(
    "the A to Z gives Brighton and Hove's 2024 report as its latest, and no page says 'Not judged' for a grade not read",
    () => {
      // Past 150 organisations the A to Z is a page per letter (src/render/directory.ts).
      const letter = join(site, "a-to-z/b/index.html");
      const az = readFileSync(existsSync(letter) ? letter : join(site, "organisations/index.html"), "utf8");
      assert.match(
        az,
        /Brighton and Hove<\/a>\n<span class="card-meta">Local authority[^.<]*\. Latest graded inspection: reported 16 May 2024\. Overall effectiveness: <span class="grade grade-best">/,
      );
      const southend = readFileSync(join(site, "organisations/southend-on-sea/2024-standard/index.html"), "utf8");
      assert.not.match(southend, "Not judged in 2019");
      assert.match(southend, "The 2019 grade is not known to this site: see the 2019 report. No change is shown.");
      assert.not.match(southend, "No area can be compared");
    },
  );
}

real.run();
