/**
 * The Care Inspectorate, true for every service (issue 23): the real gradings imported
 * with the shipped mapping, and for each of the services, the ratings in force in the open
 * data (src/model/open-data.ts) and on its page are exactly the grades of its latest row in
 * gradings.csv: none lost, none invented, none different. The national picture as at the
 * latest date counts only the services in the datastore's final snapshot, and in children
 * and young people's wellbeing only the services for children and any other graded there.
 *
 * The CSVs are read here by a reader of this test's own, written from the data's README,
 * not by the importer: a mistake in the importer cannot hide in both. Skips cleanly when
 * ../shared is not there.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { areaBase } from "../../src/model/national.ts";
import { ratingsInForceRows } from "../../src/model/open-data.ts";
import { ratingsInForceSection } from "../../src/render/ratings.ts";
import { readSite } from "../../src/site.ts";
import { sharedFile } from "../fixtures/shared.ts";
import { importInto, projectRoot, temporaryFolder } from "../fixtures/import/support.ts";

const gradings = sharedFile(
  "care-inspectorate-scotland/gradings.csv",
  "the Care Inspectorate's ratings in force for every service",
);
const services = sharedFile(
  "care-inspectorate-scotland/services.csv",
  "the Care Inspectorate's national picture of open services",
);

/** Rows of a CSV as objects by header: quoted fields, doubled quotes, commas and line breaks inside quotes. */
function csvObjects(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (record.push(field), (field = ""));
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      (record.push(field), records.push(record), (record = []), (field = ""));
    } else field += c;
  }
  if (field !== "" || record.length > 0) (record.push(field), records.push(record));
  const [header, ...rows] = records.filter((row) => row.length > 1 || row[0] !== "");
  return rows.map((row) =>
    Object.fromEntries(header!.map((name, index) => [name.replace(/^\uFEFF/, ""), row[index] ?? ""])),
  );
}

/** The data README's scale and columns: where each column's grade is, as framework and area of the pack. */
const GRADE = {
  "6": "excellent",
  "5": "very-good",
  "4": "good",
  "3": "adequate",
  "2": "weak",
  "1": "unsatisfactory",
} as Record<string, string>;
const KEY_QUESTIONS: Record<string, string> = {
  KQ_Support_Wellbeing: "wellbeing",
  KQ_Care_and_Support_Planning: "care-and-support-planning",
  KQ_Setting: "setting",
  KQ_Staff_Team: "staff-team",
  KQ_Leadership: "leadership",
  KQ_Care_Play_and_Learning: "care-play-and-learning",
  KQ_CYP_Wellbeing: "children-and-young-peoples-wellbeing",
  KQ_COVID19: "covid-19",
};
const QUALITY_THEMES: Record<string, string> = {
  Quality_of_Information: "information",
  Quality_of_Care_and_Support: "care-and-support",
  Quality_of_Environment: "environment",
  Quality_of_Staffing: "staffing",
  Quality_of_Mgmt_and_Lship: "management-and-leadership",
};

/**
 * The areas a column's grade may be shown in: its own, or its equivalent in the other
 * framework family, as the README describes the change (care and support -> care, play and
 * learning or care and support planning; environment -> setting; staffing -> staff team;
 * management and leadership -> leadership), since the datastore shows some gradings in the
 * other family's columns. Wellbeing, children and young people's wellbeing, information and
 * COVID-19 have no equivalent.
 */
const EQUIVALENT: Record<string, string[]> = {
  Quality_of_Care_and_Support: ["care-and-support", "care-and-support-planning", "care-play-and-learning"],
  KQ_Care_and_Support_Planning: ["care-and-support-planning", "care-and-support"],
  KQ_Care_Play_and_Learning: ["care-play-and-learning", "care-and-support"],
  Quality_of_Environment: ["environment", "setting"],
  KQ_Setting: ["setting", "environment"],
  Quality_of_Staffing: ["staffing", "staff-team"],
  KQ_Staff_Team: ["staff-team", "staffing"],
  Quality_of_Mgmt_and_Lship: ["management-and-leadership", "leadership"],
  KQ_Leadership: ["leadership", "management-and-leadership"],
};
const areasFor = (column: string) => EQUIVALENT[column] ?? [KEY_QUESTIONS[column] ?? QUALITY_THEMES[column]!];

interface Found {
  area: string;
  grade: string;
}

/**
 * The latest row's grades against the ratings found: each grade matched with one rating of
 * the same grade in an area its column may be shown in. What is left: a grade with a rating
 * of another grade in such an area (a difference), a grade with none (lost), and ratings
 * matched with no grade (invented).
 */
function matchGrades(row: Record<string, string>, columns: readonly string[], found: Found[]) {
  const left = [...found];
  const unmatched: string[] = [];
  for (const column of columns) {
    if (row[column] === "") continue;
    const index = left.findIndex((r) => r.grade === GRADE[row[column]!] && areasFor(column).includes(r.area));
    if (index >= 0) left.splice(index, 1);
    else unmatched.push(column);
  }
  const differences = unmatched.filter((column) => left.some((r) => areasFor(column).includes(r.area))).length;
  return { differences, lost: unmatched.length - differences, invented: left.length - differences, unmatched, left };
}

const truth = suite("the Care Inspectorate's ratings in force, for every service, against gradings.csv");

truth("the open data and the pages hold exactly the grades of each service's latest grading", () => {
  if (!gradings || !services) return;
  const rows = csvObjects(readFileSync(gradings, "utf8"));
  const latest = new Map<string, Record<string, string>>();
  const graded = new Set<string>();
  const columns = [...Object.keys(KEY_QUESTIONS), ...Object.keys(QUALITY_THEMES)];
  for (const row of rows) {
    if (columns.some((column) => row[column] !== "")) graded.add(row.CSNumber!);
    const before = latest.get(row.CSNumber!);
    const order = (r: Record<string, string>) => `${r.Publication_of_Latest_Grading} ${r.Last_inspection_Date}`;
    if (!before || order(row) >= order(before)) latest.set(row.CSNumber!, row);
  }
  const folder = temporaryFolder("care-truth");
  try {
    // CARE_TRUTH_CONTENT: a folder the real gradings were already imported into (to rerun the checks alone).
    const content = process.env.CARE_TRUTH_CONTENT ?? join(folder, "content");
    if (!process.env.CARE_TRUTH_CONTENT)
      importInto(content, { csv: gradings, mapping: "mappings/care-inspectorate-scotland.yaml" });
    const site = readSite(projectRoot, content, {});
    assert.equal(site.problems, []);
    let organisations = 0;
    let differences = 0;
    let lost = 0;
    let invented = 0;
    let pagesDiffer = 0;
    const examples: string[] = [];
    for (const organisation of site.model.organisations) {
      const number = organisation.codes.careInspectorate!;
      organisations++;
      const row = latest.get(number)!;
      const ratings = ratingsInForceRows(organisation);
      const found = ratings.map((r) => ({ area: r.published_area_id ?? r.area_id, grade: r.grade_id }));
      const match = matchGrades(row, columns, found);
      differences += match.differences;
      lost += match.lost;
      invented += match.invented;
      if (match.unmatched.length + match.left.length > 0 && examples.length < 5)
        examples.push(
          `${number}: ${match.unmatched.map((c) => `${c}=${row[c]}`).join(" ")} / ${match.left.map((r) => `${r.area}=${r.grade}`).join(" ")}`,
        );
      const page = String(ratingsInForceSection(organisation, site.national.asAt));
      const cells = page.match(/<tr><th scope="row">/g)?.length ?? 0;
      if (cells !== ratings.length || ratings.some((r) => !page.includes(r.grade))) pagesDiffer++;
    }
    assert.is(organisations, graded.size, "one organisation for every service with a grade");
    assert.equal({ differences, lost, invented, examples }, { differences: 0, lost: 0, invented: 0, examples: [] });
    assert.is(pagesDiffer, 0, "each page's ratings table lists the same ratings");

    // The national picture as at the latest date: only the services in the final snapshot.
    const listed = csvObjects(readFileSync(services, "utf8"));
    const final = listed.reduce(
      (latestDay, service) =>
        service.last_seen_in_datastore! > latestDay ? service.last_seen_in_datastore! : latestDay,
      "",
    );
    const open = listed.filter(
      (service) => service.last_seen_in_datastore === final && graded.has(service.CSNumber!),
    ).length;
    const counted = site.national.lineages
      .filter((lineage) => lineage.inspectorate.shortName === "Care Inspectorate")
      .reduce((sum, lineage) => sum + lineage.latest.length, 0);
    assert.is(counted, open, `services open on ${site.national.asAt}, in the snapshot of ${final}`);

    // Children and young people's wellbeing applies to services for children only (the pack's
    // appliesTo): the picture counts those, and any other with a grade there, and leaves the rest out.
    const FOR_CHILDREN = ["School Care Accommodation Service", "Secure Accommodation Service"];
    const forChildren = (service: Record<string, string>) =>
      FOR_CHILDREN.includes(service.CareService!) ||
      (service.CareService === "Care Home Service" && service.Subtype === "Children & Young People");
    const inLine = listed.filter(
      (service) =>
        service.last_seen_in_datastore === final &&
        graded.has(service.CSNumber!) &&
        service.CareService !== "Day Care of Children",
    );
    const wellbeingGraded = inLine.filter((service) => latest.get(service.CSNumber!)!.KQ_CYP_Wellbeing !== "");
    const base = inLine.filter((service) => forChildren(service) || wellbeingGraded.includes(service));
    const line = site.national.lineages.find((lineage) => lineage.framework.id === "care-inspectorate-key-questions")!;
    const wellbeing = line.distributions.find((item) => item.area.id === "children-and-young-peoples-wellbeing")!;
    const picture = {
      organisations: line.latest.length,
      base: areaBase(wellbeing, line.latest.length),
      graded: wellbeing.grades.reduce((sum, item) => sum + item.organisations.length, 0),
      apart: wellbeing.noGrade["does-not-apply"].length,
    };
    assert.equal(picture, {
      organisations: inLine.length,
      base: base.length,
      graded: wellbeingGraded.length,
      apart: inLine.length - base.length,
    });
    assert.ok(picture.base > 0 && picture.apart > picture.base, JSON.stringify(picture));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

truth.run();
