/**
 * The real reports in ../shared/data/ofsted-reports, read and drafted, held to
 * truth.json: what each report says, read by eye from the report itself. Skipped when
 * ../shared is not beside the project.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { readReport } from "../../src/authoring/reports/read-report.ts";
import { runDraft } from "../../src/authoring/draft/index.ts";
import { projectRoot } from "../fixtures/import/support.ts";
import { sharedFile } from "../fixtures/shared.ts";

interface Truth {
  refused?: string[];
  authority: string;
  organisation: string;
  framework: string;
  kind: string;
  visit: { start: string; end: string };
  visitParts?: { start: string; end: string }[];
  published?: string;
  leadInspector: string;
  judgements: Record<string, string>;
  improvements: { count: number; first: string; last: string };
  headline?: string;
}

const NOT_JUDGED = "not-judged";

const reports = JSON.parse(readFileSync(new URL("../fixtures/reports/truth.json", import.meta.url), "utf8"))
  .reports as Record<string, Truth>;
const index = sharedFile("ofsted-reports/index.csv", "reading the real reports");
const real = suite("the real reports (../shared/data/ofsted-reports)");

if (!index) {
  real.skip("are read and drafted as truth.json says", () => {});
} else {
  const folder = dirname(index);

  real("truth.json covers every report in the folder's index", () => {
    const named = readFileSync(index, "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(",")[0]!);
    assert.equal(Object.keys(reports).sort(), named.sort());
  });

  for (const [name, truth] of Object.entries(reports)) {
    real(`${name}: read as the report says`, async () => {
      const outcome = await readReport(new Uint8Array(readFileSync(join(folder, name))));
      if (truth.refused) {
        assert.is(outcome.ok, false);
        if (!outcome.ok)
          for (const words of truth.refused)
            assert.ok(outcome.reason.includes(words), `'${outcome.reason}' says '${words}'`);
        return;
      }
      if (!outcome.ok) throw new Error(outcome.reason);
      const read = outcome.reading;
      assert.equal(read.judgements, truth.judgements, "every grade");
      assert.equal(read.visit, truth.visit, "the visit");
      assert.equal(read.visitParts, truth.visitParts, "each part of a visit made in parts");
      assert.is(read.published, truth.published, "the publication date, where the report states it");
      assert.is(read.leadInspector, truth.leadInspector, "the lead inspector");
      assert.is(read.authority, truth.authority);
      assert.is(read.improvements?.length, truth.improvements.count, "items to improve");
      assert.ok(read.improvements![0]!.startsWith(truth.improvements.first), read.improvements![0]);
      assert.ok(read.improvements!.at(-1)!.startsWith(truth.improvements.last), read.improvements!.at(-1));
      assert.ok(read.headline && read.headline.split(" ").length >= 6, "a headline sentence to quote");
      if (truth.headline)
        assert.ok(
          read.headline.startsWith(truth.headline),
          `the quotation is about this inspection: '${read.headline}'`,
        );
    });
  }

  real(
    "the drafts of the folder hold the same, in the content format, and nothing for the two that are not reports",
    async () => {
      const temporary = mkdtempSync(join(tmpdir(), "explainers-truth-"));
      try {
        const content = join(temporary, "content");
        for (const part of ["inspectorates", "scales", "frameworks"])
          cpSync(join(projectRoot, "content", part), join(content, part), { recursive: true });
        const report = await runDraft({ root: projectRoot, reports: [folder], content });
        for (const outcome of report.reports) {
          const name = outcome.report.split("/").at(-1)!;
          const truth = reports[name]!;
          if (truth.refused) {
            assert.is(outcome.file, undefined, `${name} is not drafted`);
            continue;
          }
          assert.is(outcome.file?.status, "created", name);
          const text = readFileSync(join(content, outcome.file!.path), "utf8");
          const data = parse(text.split("---\n")[1]!) as Record<string, unknown>;
          assert.is(data.organisation, truth.organisation, name);
          assert.is(data.framework, truth.framework, name);
          assert.is(data.kind, truth.kind, name);
          assert.equal(data.visit, truth.visit, name);
          assert.is(data.published, truth.published, name);
          assert.is(data.leadInspector, truth.leadInspector, name);
          // A report without a review of the safeguarding board says so in the draft (not judged,
          // with the reason), never 'unknown'.
          const judgements = { ...(data.judgements as Record<string, unknown>) };
          const lscb = judgements["lscb-review"];
          if (truth.framework === "ofsted-sif-2013" && truth.judgements["lscb-review"] === undefined) {
            assert.ok(typeof lscb === "object" && lscb !== null && NOT_JUDGED in lscb, `${name}: no board review`);
            delete judgements["lscb-review"];
          }
          assert.equal(judgements, truth.judgements, name);
          const review = (data.draft as { needsReview: string[] }).needsReview;
          assert.not.ok(
            review.some((item) => item.startsWith("judgements.") && !/ was read from /.test(item)),
            `${name}: every grade was read`,
          );
          // A grade read from a sentence or a section, not the judgement table, is listed for an editor.
          const outside = review.filter((item) => / was read from .*not from the report's judgement table/.test(item));
          if (truth.framework === "ofsted-sif-2013")
            assert.ok(
              outside.some((item) =>
                item.startsWith(
                  `judgements.${truth.kind === "lscb-review" ? "lscb-review" : "overall-effectiveness"}:`,
                ),
              ),
              `${name}: the grade stated in a sentence is listed for review`,
            );
          else assert.equal(outside, [], `${name}: every grade from the table`);
          if (truth.visitParts)
            assert.ok(
              review.some((item) => item.startsWith("visit: the report gives a visit in 2 parts")),
              `${name}: both parts`,
            );
        }
      } finally {
        rmSync(temporary, { recursive: true, force: true });
      }
    },
  );
}

real.run();
