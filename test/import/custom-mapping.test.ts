/** A mapping unlike the shipped one: framework by a column, organisation details from columns, an ungraded kind. */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { checkContent } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { importInto, projectRoot, temporaryFolder } from "../fixtures/import/support.ts";

const csv = `council,code,ons,region,site,type,visit type,scheme,first day,last day,published,link,overall,leaders
Example Borough,123,E09000099,London,https://www.example.org,Upper-tier local authority,Inspection,ILACS 2018,2019-03-04,2019-03-15,2019-04-20,https://reports.example.org/1,Good,Good
Example Borough,123,E09000099,London,https://www.example.org,Upper-tier local authority,focused visit,ILACS 2018,05/10/2020,,,,Good,
Example Borough,123,E09000099,London,https://www.example.org,Upper-tier local authority,Inspection,SIF,2019-05-01,2019-05-10,2019-06-01,https://reports.example.org/2,Good,Good
Example Borough,123,E09000099,London,https://www.example.org,Upper-tier local authority,Inspection,PEEL,2019-05-01,2019-05-10,2019-06-01,https://reports.example.org/3,Good,Good
Other Place,not-a-urn,E0900,,www.other,Upper-tier local authority,Inspection,,2021-05-01,2021-05-10,2021-06-01,https://reports.example.org/4,Good,Good
`;

const mapping = `
organisation:
  name: council
  kind:
    column: type
  region: region
  website: site
  codes:
    ons: ons
    ofstedUrn: code
visit:
  start:
    column: first day
    format: [yyyy-MM-dd, dd/MM/yyyy]
  end:
    column: last day
    format: yyyy-MM-dd
published:
  column: published
  format: yyyy-MM-dd
report: link
kind:
  column: visit type
  values:
    inspection: standard
    focused visit: focused-visit
framework:
  column: scheme
  values:
    ILACS 2018: ofsted-ilacs-2018
    SIF: ofsted-sif-2013
  ifEmpty: ofsted-ilacs-2018
frameworks:
  ofsted-ilacs-2018:
    areas:
      overall-effectiveness: overall
      impact-of-leaders: leaders
  ofsted-sif-2013:
    kind:
      values:
        inspection: single-inspection
    areas:
      overall-effectiveness: overall
grades:
  values:
    good: good
  ifEmpty: leave-out
`;

const custom = suite("a mapping that chooses the framework by a column");

custom("reads organisation details, an ungraded visit and the framework from columns", () => {
  const folder = temporaryFolder("custom");
  try {
    writeFileSync(join(folder, "visits.csv"), csv);
    writeFileSync(join(folder, "visits.yaml"), mapping);
    const content = join(folder, "content");
    const report = importInto(content, { csv: join(folder, "visits.csv"), mapping: join(folder, "visits.yaml") });
    assert.equal(
      report.skipped.map(({ line, reason }) => [line, reason]),
      [
        [
          4,
          "the mapping chose SIF, but it was in force from 2013-11-01 to 2018-06-30 and this visit started 2019-05-01",
        ],
        [5, "no framework for 'PEEL' in scheme; the mapping knows 'ILACS 2018', 'SIF'"],
      ],
    );
    const read = (path: string) =>
      parse(readFileSync(join(content, path), "utf8").split("---\n")[1]!, { schema: "core" }) as Record<
        string,
        unknown
      >;
    assert.equal(read("organisations/example-borough.md"), {
      name: "Example Borough",
      kind: "Upper-tier local authority",
      region: "London",
      codes: { ons: "E09000099", ofstedUrn: "123" },
      website: "https://www.example.org",
    });
    assert.equal(read("organisations/other-place.md"), { name: "Other Place", kind: "Upper-tier local authority" });
    assert.equal(report.review.find((entry) => entry.path === "organisations/other-place.md")?.items, [
      "codes.ons: 'E0900' (column ons) is not in the right form, so it is left out.",
      "codes.ofstedUrn: 'not-a-urn' (column code) is not in the right form, so it is left out.",
      "website: 'www.other' (column site) is not a web address, so it is left out.",
    ]);
    const standard = read("inspections/example-borough/2019-standard.md");
    // The areas the CSV has no column for are judged by a standard inspection, so their grades are not known.
    assert.equal(standard.judgements, {
      "overall-effectiveness": "good",
      "impact-of-leaders": "good",
      "help-and-protection": "unknown",
      "children-in-care-and-care-leavers": "unknown",
    });
    const visit = read("inspections/example-borough/2020-focused-visit.md");
    assert.is(visit.visit, "2020-10-05");
    assert.not.ok("judgements" in visit);
    assert.not.ok("published" in visit);
    assert.equal((visit.draft as { needsReview: string[] }).needsReview, [
      "The CSV gives grades, but a focused visit is not graded, so they are left out.",
    ]);
    assert.is(
      read("inspections/other-place/2021-standard.md").framework,
      "ofsted-ilacs-2018",
      "an empty framework cell uses ifEmpty",
    );
    assert.equal(checkContent(projectRoot, content).problems.map(formatProblem), []);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

custom.run();
