/**
 * The real scraped history (497 rows), when ../shared/data holds it: imported into an empty
 * content folder in a temporary directory, never into the project. Skipped when absent.
 */
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { checkContent } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { rowTotals } from "../../src/authoring/import/index.ts";
import { runBuild } from "../fixtures/build-site.ts";
import { importInto, projectRoot, snapshot, temporaryFolder } from "../fixtures/import/support.ts";
import { sharedFile } from "../fixtures/shared.ts";

const history = sharedFile("ofsted-ilacs-history.csv", "the import of the full ILACS history");
const full = suite("import of the full ILACS history (../shared/data)");

if (!history) {
  full.skip("imports every row it can support (the CSV is not here)", () => {});
} else {
  full("imports every row it can support, skips the rest with reasons, passes the checks and builds", () => {
    const folder = temporaryFolder("history");
    try {
      const content = join(folder, "content");
      const report = importInto(content, { csv: history });
      const records = parse(readFileSync(history, "utf8"), { columns: true, skip_empty_lines: true }) as unknown[];
      const totals = rowTotals(report);
      assert.is(report.rows, records.length);
      assert.is(totals.created + totals.skipped, report.rows, "every row is created or skipped");
      assert.ok(totals.created > 0);
      for (const { reason } of report.skipped) assert.ok(reason.length > 0);
      const names = new Set(
        (records as { local_authority: string }[]).map((record) => record.local_authority.trim()).filter(Boolean),
      );
      assert.is(
        report.files.filter((file) => file.type === "organisation" && file.status === "created").length,
        names.size,
        "one organisation per authority",
      );

      const result = checkContent(projectRoot, content);
      assert.equal(result.problems.map(formatProblem), []);
      assert.is(result.content.inspections.length, totals.created);

      const before = snapshot(content);
      const again = importInto(content, { csv: history });
      assert.is(rowTotals(again).unchanged, totals.created);
      assert.equal(snapshot(content), before);

      const output = join(folder, "site");
      const build = runBuild(["--content", content, "--output", output]);
      assert.is(build.status, 0, build.stderr);
      for (const inspection of result.content.inspections) {
        const [organisation, slug] = inspection.id.split("/");
        assert.ok(
          existsSync(join(output, "organisations", organisation!, slug!, "index.html")),
          `a page for ${inspection.id}`,
        );
      }
      for (const organisation of result.content.organisations) {
        assert.ok(
          existsSync(join(output, "organisations", organisation.id, "index.html")),
          `a page for ${organisation.id}`,
        );
      }
      assert.ok(existsSync(join(output, "national", "index.html")));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
}

full.run();
