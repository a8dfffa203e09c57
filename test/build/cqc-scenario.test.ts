/**
 * The CQC-style scenario, built as a publisher would and read as a reader would: the
 * focused inspection's explainer counts only what it judged and shows the other key
 * questions with the ratings they kept; the one after compares caring with the rating that
 * still stood; the care home's page lists its ratings in force; the national picture as at
 * each date, and its open data, count the carried ratings.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runBuild } from "../fixtures/build-site.ts";
import { CARE_HOME, cqcProject } from "../fixtures/cqc.ts";
import { textOf } from "../fixtures/page-text.ts";

/** A page's text as a reader (or a screen reader) gets it: no markup, white space collapsed. */
function pageText(path: string): string {
  return textOf(readFileSync(path, "utf8"));
}

const scenario = suite("the CQC scenario, built");
let root = "";
let site = "";
const page = (path: string) => pageText(join(site, path, "index.html"));

scenario.before(() => {
  root = cqcProject();
  site = join(root, "site");
  const result = runBuild(["--content", join(root, "content"), "--output", site, "--no-search"]);
  if (result.status !== 0) throw new Error(result.stderr);
});
scenario.after(() => rmSync(root, { recursive: true, force: true }));

scenario("the focused inspection: what it judged, and the ratings the other key questions kept", () => {
  const text = page(`organisations/${CARE_HOME}/2022-focused-inspection`);
  assert.match(
    text,
    "Good in the three areas judged, up from 'requires improvement' for overall, safe and well-led in 2019; the other three keep their 2019 ratings.",
  );
  assert.match(
    text,
    "Judged again at this inspection: overall, safe and well-led. Not judged this time: effective, caring and responsive; their earlier ratings still stand.",
  );
  assert.match(
    text,
    "Is the service caring? Not judged A focused inspection looks only at the key questions where CQC had concerns; the others keep their earlier ratings. The rating that stands: Good , from the March 2019 inspection .",
  );
  assert.not.match(text, /Good in all three areas/);
});

scenario("the comprehensive inspection after it: caring up from good, the 2019 rating that still stood", () => {
  const text = page(`organisations/${CARE_HOME}/2023-comprehensive-inspection`);
  assert.match(text, "Good in five of six areas and outstanding for caring, up from 'good' for caring in 2019.");
  assert.match(
    text,
    "Is the service caring? Good (2019) Outstanding ▲ Improved Not judged in 2022: compared with the 2019 rating, which still stood.",
  );
  assert.match(text, "and, for areas it did not judge, ratings from the March 2019 inspection");
  assert.not.match(text, "Not judged in 2022 Not compared");
});

scenario("the care home's page lists the ratings in force, each with the inspection it came from", () => {
  const text = page(`organisations/${CARE_HOME}`);
  assert.match(text, "Ratings in force");
  assert.match(text, "Is the service caring? Outstanding From the May 2023 inspection .");
});

scenario(
  "the national picture as at 31 March 2023 counts the carried ratings, says how many, and the counting rule",
  () => {
    const text = page("national/2023-03-31");
    assert.match(text, "The national picture as at 31 March 2023");
    assert.match(text, "Which inspections count: An inspection counts once its report is published");
    assert.match(text, "CQC: 1 organisation");
    assert.match(
      text,
      "Good or better: 1 of the 1 organisation with a grade here. 1 stands from an inspection before the organisation's latest, which did not judge this area.",
    );
    assert.match(text, "Is the service caring? 0 0 0 1 1 not judged again 0");
    const data = JSON.parse(readFileSync(join(site, "data/national/2023-03-31.json"), "utf8")) as {
      counted_by: string;
      lineages: {
        inspectorate_id: string;
        areas: { area_id: string; carried: number; grades: { grade_id: string; count: number }[] }[];
      }[];
    };
    assert.is(data.counted_by, "publication");
    const caring = data.lineages
      .find((lineage) => lineage.inspectorate_id === "cqc")!
      .areas.find((area) => area.area_id === "caring")!;
    assert.equal([caring.carried, caring.grades.find((grade) => grade.count > 0)!.grade_id], [1, "good"]);
    const latest = JSON.parse(readFileSync(join(site, "data/national/latest.json"), "utf8")) as { as_at: string };
    assert.is(latest.as_at, "2024-04-09");
    assert.match(
      readFileSync(join(site, "data/national.csv"), "utf8"),
      "2023-03-31,publication,CQC,cqc-adult-social-care-2014,caring,Is the service caring?,good,Good,1,1",
    );
  },
);

scenario.run();
