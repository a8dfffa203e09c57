/**
 * `npm run bench:reports -- [--folder <reports>] [--count 500]`: how fast `npm run draft`
 * reads reports, and how much of each it reads.
 *
 * Makes a temporary folder of `count` reports by linking the folder's PDFs over and over
 * (by default the 32 of ../shared/data/ofsted-reports), drafts the lot in this one process
 * into a temporary content folder, and prints the median, 90th percentile and largest time
 * to read one report (from its bytes to its reading), and the whole run's time per report.
 * Then, on the folder itself, the share of fields read: of the fields a report states
 * (the local authority, the visit, each grade its framework gives, the lead inspector, the
 * list of what must improve, a headline sentence; the publication date where it prints
 * one), and of every field a finished inspection file has (a PDF never says where it was
 * published, and an ILACS report not when).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadContent } from "../src/content/load.ts";
import { placeReading } from "../src/authoring/reports/framework.ts";
import { readReport } from "../src/authoring/reports/read-report.ts";
import { runDraft } from "../src/authoring/draft/index.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    folder: { type: "string", default: resolve(root, "../shared/data/ofsted-reports") },
    count: { type: "string", default: "500" },
  },
});
const folder = resolve(values.folder);
const count = Number(values.count);
const pdfs = readdirSync(folder)
  .filter((name) => name.toLowerCase().endsWith(".pdf"))
  .sort();
if (pdfs.length === 0 || !Number.isInteger(count) || count < 1) {
  console.error(`No PDFs in ${folder}, or --count is not a whole number.`);
  process.exit(2);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function speed(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "explainers-reports-bench-"));
  try {
    const reports = join(work, "reports");
    const content = join(work, "content");
    mkdirSync(reports);
    for (let index = 0; index < count; index++) {
      const name = pdfs[index % pdfs.length]!;
      symlinkSync(join(folder, name), join(reports, `${String(index).padStart(4, "0")}-${name}`));
    }
    for (const part of ["inspectorates", "scales", "frameworks"])
      cpSync(join(root, "content", part), join(content, part), { recursive: true });
    const started = performance.now();
    const report = await runDraft({ root, reports: [reports], content });
    const total = performance.now() - started;
    const times = [...report.readTimes].sort((a, b) => a - b);
    console.log(
      `${count} reports (${pdfs.length} different PDFs from ${folder}), one process, load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores:`,
    );
    console.log(
      `  reading one report: median ${ms(quantile(times, 0.5))}, 90th percentile ${ms(quantile(times, 0.9))}, largest ${ms(times.at(-1)!)}`,
    );
    console.log(
      `  the whole run (reading, drafting, writing): ${(total / 1000).toFixed(1)} s, ${ms(total / count)} per report`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function coverage(): Promise<void> {
  const { content } = loadContent(root, join(root, "content"));
  const frameworks = new Map(content.frameworks.map((entry) => [entry.id, entry.data]));
  const scales = new Map(content.scales.map((entry) => [entry.id, entry.data]));
  let stated = 0;
  let readStated = 0;
  let complete = 0;
  let refused = 0;
  for (const name of pdfs) {
    const outcome = await readReport(new Uint8Array(readFileSync(join(folder, name))));
    if (!outcome.ok) {
      refused++;
      continue;
    }
    const reading = outcome.reading;
    const placed = placeReading(reading, frameworks, scales);
    const areas = placed.ok
      ? placed.placed.framework.areas.filter((area) => area.id !== "lscb-review" || reading.reviewsLscb)
      : [];
    const grades = placed.ok ? Object.keys(placed.placed.judgements).length : 0;
    const fields = [reading.authority, reading.visit, reading.leadInspector, reading.improvements, reading.headline];
    // Only some reports print their publication date (test/reports/truth.test.ts holds the reader to which).
    const published = reading.published ? 1 : 0;
    stated += areas.length + fields.length + published;
    readStated += grades + fields.filter((field) => field !== undefined).length + published;
    complete += areas.length + fields.length + 2; // + the report's address and its publication date
  }
  const share = (part: number, whole: number) => `${part} of ${whole} (${((100 * part) / whole).toFixed(1)}%)`;
  console.log(`Fields read, on the ${pdfs.length} reports of ${folder} (${refused} not reports it can draft):`);
  console.log(`  of the fields the reports state: ${share(readStated, stated)}`);
  console.log(`  of every field a finished inspection file has: ${share(readStated, complete)}`);
}

await speed();
await coverage();
