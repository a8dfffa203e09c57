/**
 * `npm run import -- <csv> --mapping <file> --reports <folder>`: the CSV's gaps filled
 * from the reports, the report winning where they disagree and the disagreement listed.
 * On the committed Oxfordshire reports with rows written here; on the full history and the
 * shared reports when ../shared is there.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { readReportsFolder } from "../../src/authoring/import/from-reports.ts";
import { formatReport } from "../../src/authoring/import/report.ts";
import { importInto, projectRoot, temporaryFolder } from "../fixtures/import/support.ts";
import { sharedFile } from "../fixtures/shared.ts";

const HEADER =
  "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version";
// Rows as a scraper might have left them, typed here: the 2014 row with no dates or grades,
// the 2018 row with a wrong grade and no lead inspector, the 2024 row right, and a council with no report.
const ROWS = [
  "80536,oxfordshire,https://files.ofsted.gov.uk/v1/file/2762428,a.pdf,30/06/14,,,,,data_unreadable,data_unreadable,data_unreadable,data_unreadable,data_unreadable,1",
  "80536,oxfordshire,https://files.ofsted.gov.uk/v1/file/50004449,b.pdf,22/05/18,short,,16/04/2018,20/04/2018,good,good,requires improvement,requires improvement,inspection_pre_dates_judgement,1",
  "80536,oxfordshire,https://files.ofsted.gov.uk/v1/file/50243682,c.pdf,09/04/24,standard,Nicki Shaw,12/02/2024,23/02/2024,good,good,good,good,good,1",
  "9100001,northmoor,https://reports.example.org/1,d.pdf,09/05/25,short,Alex Example,17/03/2025,21/03/2025,good,good,good,good,good,1",
];

function frontmatter(path: string): Record<string, unknown> {
  return parse(readFileSync(path, "utf8").split("---\n")[1]!) as Record<string, unknown>;
}

const fill = suite("import --reports");

fill(
  "fills the gaps of the rows about the same inspections, and the report wins a disagreement, said for an editor",
  async () => {
    const folder = temporaryFolder("reports");
    try {
      const csv = join(folder, "history.csv");
      writeFileSync(csv, `${HEADER}\n${ROWS.join("\n")}\n`);
      const reports = join(folder, "reports");
      cpSync(join(projectRoot, "test/fixtures/reports"), reports, {
        recursive: true,
        filter: (path) => !/\.(ts|json|md)$/.test(path),
      });
      const content = join(folder, "content");
      const report = importInto(content, {
        csv,
        reports: { folder: "reports", reads: await readReportsFolder(reports) },
      });
      assert.equal(report.skipped, [], "the 2014 row has its dates from the report");
      assert.equal(report.reports?.matched, [
        { file: "oxfordshire-2014-06-30.pdf", lines: [2] },
        { file: "oxfordshire-2018-05-22.pdf", lines: [3] },
        { file: "oxfordshire-2024-04-09.pdf", lines: [4] },
      ]);
      assert.equal(
        report.reports?.unreadable.map((entry) => entry.file),
        ["encrypted.pdf"],
      );

      const sif = frontmatter(join(content, "inspections/oxfordshire/2014-single-inspection.md"));
      assert.equal(sif.visit, { start: "2014-04-29", end: "2014-05-21" });
      assert.is(sif.leadInspector, "Emmy Tomsett HMI");
      assert.equal(
        Object.values(sif.judgements as object),
        ["good", "good", "good", "good", "good", "good", "good"],
        "all seven, adoption and the LSCB review too",
      );
      assert.is(sif.report, "https://files.ofsted.gov.uk/v1/file/2762428", "what the CSV had stays");

      const short = frontmatter(join(content, "inspections/oxfordshire/2018-short.md"));
      assert.is(
        (short.judgements as Record<string, string>)["children-in-care-and-care-leavers"],
        "good",
        "the report, not the CSV",
      );
      assert.is(short.leadInspector, "Donna Marriott HMI");
      const review = (short.draft as { needsReview: string[] }).needsReview;
      assert.ok(
        review.some((item) =>
          item.startsWith(
            "children-in-care-and-care-leavers: the CSV says 'requires improvement' (in_care_grade), the report oxfordshire-2018-05-22.pdf says 'good'",
          ),
        ),
        review.join("\n"),
      );

      const standard = frontmatter(join(content, "inspections/oxfordshire/2024-standard.md"));
      assert.is(standard.leadInspector, "Nicki Shaw HMI", "the same person as the CSV's, as the report names them");
      assert.equal((standard.draft as { needsReview: string[] }).needsReview, [], "nothing to fill, nothing disagrees");
      const northmoor = frontmatter(join(content, "inspections/northmoor/2025-short.md"));
      assert.is(northmoor.leadInspector, "Alex Example", "a row with no report is imported as before");

      const printed = formatReport(report, "mappings/ofsted-ilacs-history.yaml");
      assert.match(
        printed,
        "Reports in reports: 3 reports filled the gaps of the CSV's rows about the same inspections.",
      );
      assert.match(printed, "  encrypted.pdf: it is encrypted with a password");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
);

fill("on the command line: --reports names the folder; a folder that is not there is a misuse", () => {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const folder = temporaryFolder("reports-cli");
  try {
    const csv = join(folder, "history.csv");
    writeFileSync(csv, `${HEADER}\n${ROWS[0]}\n`);
    const content = join(folder, "content");
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [
          tsx,
          "src/cli/import.ts",
          csv,
          "--mapping",
          "mappings/ofsted-ilacs-history.yaml",
          "--content",
          content,
          ...args,
        ],
        { cwd: projectRoot, encoding: "utf8" },
      );
    const missing = run("--reports", join(folder, "nowhere"));
    assert.is(missing.status, 2);
    assert.match(missing.stderr, "does not exist");
    assert.not.ok(existsSync(content));
    const result = run("--reports", "test/fixtures/reports");
    assert.is(result.status, 0, result.stderr);
    assert.match(result.stdout, "Rows: 1 = 1 created");
    assert.match(result.stdout, "  oxfordshire-2014-06-30.pdf: line 2");
    assert.match(result.stdout, "Content check: OK.");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

const history = sharedFile("ofsted-ilacs-history.csv", "the full history imported with the shared reports");
const reportsFolder = sharedFile("ofsted-reports", "the full history imported with the shared reports");
const full = suite("import --reports of the full ILACS history (../shared/data)");

if (!history || !reportsFolder) {
  full.skip("fills the rows of the shared reports (not here)", () => {});
} else {
  full(
    "every row with a report gets the report's visit, grades and lead inspector; the rest is imported as before",
    async () => {
      const folder = temporaryFolder("history-reports");
      try {
        const truth = JSON.parse(readFileSync(join(projectRoot, "test/fixtures/reports/truth.json"), "utf8"))
          .reports as Record<string, Record<string, unknown>>;
        const index = readFileSync(join(reportsFolder, "index.csv"), "utf8")
          .trim()
          .split(/\r?\n/)
          .slice(1)
          .map((line) => line.split(","));
        const withReports = importInto(join(folder, "with"), {
          csv: history,
          reports: { folder: reportsFolder, reads: await readReportsFolder(reportsFolder) },
        });
        const without = importInto(join(folder, "without"), { csv: history });
        const created = (report: typeof without) =>
          report.files.filter((file) => file.type === "inspection" && file.status === "created");
        for (const [file, , , , line] of index) {
          const expected = truth[file!]!;
          const outcome = withReports.files.find(
            (candidate) => candidate.line === Number(line) && candidate.type === "inspection",
          );
          if (expected.refused) {
            assert.is(outcome, undefined, `${file}: its row stays skipped`);
            continue;
          }
          assert.ok(outcome, `${file}: the row at line ${line} is imported`);
          const data = frontmatter(join(folder, "with", outcome!.path));
          assert.equal(data.visit, expected.visit, file);
          assert.is(data.framework, expected.framework, file);
          assert.is(data.kind, expected.kind, file);
          if (expected.published) assert.is(data.published, expected.published, `${file}: the report's date wins`);
          const judgements = { ...(data.judgements as Record<string, unknown>) };
          const truthJudgements = expected.judgements as Record<string, string>;
          if (
            expected.framework === "ofsted-sif-2013" &&
            expected.kind !== "lscb-review" &&
            !truthJudgements["lscb-review"]
          ) {
            const lscb = judgements["lscb-review"];
            assert.ok(
              typeof lscb === "object" && lscb !== null && "not-judged" in lscb,
              `${file}: no board review, never 'unknown'`,
            );
            delete judgements["lscb-review"];
          }
          assert.equal(judgements, truthJudgements, file);
          assert.is(data.leadInspector, expected.leadInspector, file);
        }
        assert.is(created(withReports).length, created(without).length, "every row is imported either way");
        // Every cell a report contradicts is listed: the CSV's known errors among them.
        const disagreements = withReports.reports!.disagreements.map(({ file, field, csv, report }) => [
          file,
          field,
          csv,
          report,
        ]);
        for (const expected of [
          ["oxfordshire-2018-05-22.pdf", "children-in-care-and-care-leavers", "requires improvement", "good"],
          ["rochdale-2018-03-12.pdf", "children-in-care-and-care-leavers", "requires improvement", "good"],
          ["st-helens-2023-09-04.pdf", "help-and-protection", "good", "requires-improvement"],
          ["hackney-2016-09-21.pdf", "the publication date", "21/09/16", "20 September 2016"],
        ])
          assert.ok(
            disagreements.some((found) => JSON.stringify(found) === JSON.stringify(expected)),
            `${expected.join(", ")} in\n${disagreements.join("\n")}`,
          );
        assert.equal(withReports.reports!.unmatched, [], "every report that reads is matched to its row");
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
}

fill.run();
full.run();
