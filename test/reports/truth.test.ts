/**
 * The 32 real reports in ../shared/data/ofsted-reports, read and drafted, held to
 * truth.json: what each report says, read by eye from the report itself. Skipped when
 * ../shared is not beside the project.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { readReport } from "../../src/reports/read-report.ts";
import { runDraft } from "../../src/draft/index.ts";
import { projectRoot } from "../fixtures/import/support.ts";
import { sharedFile } from "../fixtures/shared.ts";

interface Truth {
  refused?: string[];
  authority: string;
  organisation: string;
  framework: string;
  kind: string;
  visit: { start: string; end: string };
  published?: string;
  leadInspector: string;
  judgements: Record<string, string>;
  improvements: { count: number; first: string; last: string };
}

const reports = JSON.parse(readFileSync(new URL("../fixtures/reports/truth.json", import.meta.url), "utf8"))
  .reports as Record<string, Truth>;
const index = sharedFile("ofsted-reports/index.csv", "reading the 32 real reports");
const real = suite("the 32 real reports (../shared/data/ofsted-reports)");

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
      assert.is(read.published, truth.published, "the publication date, where the report states it");
      assert.is(read.leadInspector, truth.leadInspector, "the lead inspector");
      assert.is(read.authority, truth.authority);
      assert.is(read.improvements?.length, truth.improvements.count, "items to improve");
      assert.ok(read.improvements![0]!.startsWith(truth.improvements.first), read.improvements![0]);
      assert.ok(read.improvements!.at(-1)!.startsWith(truth.improvements.last), read.improvements!.at(-1));
      assert.ok(read.headline && read.headline.split(" ").length >= 6, "a headline sentence to quote");
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
          assert.equal(data.judgements, truth.judgements, name);
          const review = (data.draft as { needsReview: string[] }).needsReview;
          assert.not.ok(
            review.some((item) => item.startsWith("judgements.")),
            `${name}: every grade was read`,
          );
        }
      } finally {
        rmSync(temporary, { recursive: true, force: true });
      }
    },
  );
}

real.run();
