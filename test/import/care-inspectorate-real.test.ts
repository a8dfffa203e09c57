/**
 * The shipped Care Inspectorate mapping on the real gradings (../shared/data), a few hundred
 * services of them so that the test stays quick: every row accounted for, the content check
 * passes, and every grade in a row is either given at that row's inspection or carried from
 * the service's grading before. Skips cleanly when ../shared is not there.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { checkContent } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { readCsv, type CsvRow } from "../../src/authoring/import/csv.ts";
import { sharedFile } from "../fixtures/shared.ts";
import { importInto, projectRoot, temporaryFolder } from "../fixtures/import/support.ts";

const gradings = sharedFile("care-inspectorate-scotland/gradings.csv", "the Care Inspectorate import on real gradings");
const services = sharedFile("care-inspectorate-scotland/services.csv", "the Care Inspectorate import on real services");

const GRADES = /^(KQ_|Quality_of_)/;
const SERVICES = 400;

const real = suite("the Care Inspectorate's real gradings");

/** The CSV's lines of the first services (by number), with their header. */
function subset(text: string, keep: (row: CsvRow) => boolean): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const table = readCsv(text);
  return [lines[0], ...table.rows.filter(keep).map((row) => lines[row.line - 1])].join("\n") + "\n";
}

real("imports into an empty folder that checks, and carries no grade it cannot account for", () => {
  if (!gradings || !services) return;
  const text = readFileSync(gradings, "utf8");
  const numbers = [...new Set(readCsv(text).rows.map((row) => row.values.CSNumber!))].sort().slice(0, SERVICES);
  const chosen = new Set(numbers);
  const folder = temporaryFolder("care-real");
  try {
    writeFileSync(
      join(folder, "gradings.csv"),
      subset(text, (row) => chosen.has(row.values.CSNumber!)),
    );
    writeFileSync(join(folder, "services.csv"), readFileSync(services, "utf8"));
    const content = join(folder, "content");
    const report = importInto(content, {
      csv: join(folder, "gradings.csv"),
      mapping: "mappings/care-inspectorate-scotland.yaml",
    });
    const rows = readCsv(readFileSync(join(folder, "gradings.csv"), "utf8")).rows;
    const created = report.files.filter((file) => file.type === "inspection" && file.status === "created");
    assert.is(created.length + report.skipped.length, rows.length, "every row accounted for");
    assert.equal(checkContent(projectRoot, content).problems.map(formatProblem), []);

    // Every grade cell of a row is written in that row's inspection, or is the value the
    // service had in that column (or the column it moved from) in a grading before.
    const written = new Map<number, string[]>();
    for (const file of created) {
      const data = parse(readFileSync(join(content, file.path), "utf8").split("---\n")[1]!, { schema: "core" });
      written.set(file.line!, Object.values((data.judgements ?? {}) as Record<string, string>));
    }
    const words: Record<string, string> = {
      "6": "excellent",
      "5": "very-good",
      "4": "good",
      "3": "adequate",
      "2": "weak",
      "1": "unsatisfactory",
    };
    const ordered = [...rows].sort(
      (a, b) =>
        a.values.CSNumber!.localeCompare(b.values.CSNumber!) ||
        a.values.Publication_of_Latest_Grading!.localeCompare(b.values.Publication_of_Latest_Grading!) ||
        a.values.Last_inspection_Date!.localeCompare(b.values.Last_inspection_Date!) ||
        a.line - b.line,
    );
    const seen = new Map<string, Set<string>>();
    let unaccounted = 0;
    for (const row of ordered) {
      const values = seen.get(row.values.CSNumber!) ?? new Set<string>();
      for (const [column, value] of Object.entries(row.values)) {
        if (!GRADES.test(column) || value === "") continue;
        const given = written.get(row.line)?.includes(words[value]!) ?? false;
        if (!given && !values.has(value)) unaccounted++;
      }
      for (const [column, value] of Object.entries(row.values)) if (GRADES.test(column) && value) values.add(value);
      seen.set(row.values.CSNumber!, values);
    }
    assert.is(unaccounted, 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

real.run();
