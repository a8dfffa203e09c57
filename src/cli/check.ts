/**
 * `npm run check`: reads and checks all content exactly as the build does, renders nothing.
 * Problems go to stdout grouped by file, each with the line quoted; `--json` prints one
 * JSON document instead (its shape is in docs/editing.md and `CheckReport`).
 *
 * Exit codes: 0 all good, 1 problems found, 2 the command itself was misused.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { ContentSet } from "../content/content-set.ts";
import { checkContent } from "../content/index.ts";
import type { ContentProblem } from "../content/problems.ts";
import { readArgs } from "./args.ts";
import { coloursFor, linesFromDisk, problemReport } from "./problem-report.ts";

/** What `--json` prints. Fields are only ever added, never renamed or removed. */
export interface CheckReport {
  version: 1;
  ok: boolean;
  problemCount: number;
  fileCount: number;
  problems: (Omit<ContentProblem, "found"> & { found: string | null })[];
  /** Files of each kind that could be read and are in the format; checks across files may still find problems in them. */
  checked: Record<keyof ContentSet, number>;
}

const usage = "Usage: npm run check [-- --content <folder>] [--json]";
const { values, positionals } = readArgs(
  {
    content: { type: "string", default: process.env.EXPLAINERS_CONTENT ?? "content" },
    json: { type: "boolean", default: false },
  },
  usage,
);
const root = process.cwd();
if (positionals.length > 0) {
  console.error(
    `npm run check checks the whole content folder and takes no file names (got ${positionals.join(", ")}).\n\n${usage}`,
  );
  process.exit(2);
}
const folder = resolve(root, values.content);
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error(
    `There is no content folder ${values.content}. Run this from the project folder, or name the folder with --content.\n\n${usage}`,
  );
  process.exit(2);
}

const started = performance.now();
const { content, problems } = checkContent(root, values.content);
const milliseconds = Math.round(performance.now() - started);

if (values.json) {
  const report: CheckReport = {
    version: 1,
    ok: problems.length === 0,
    problemCount: problems.length,
    fileCount: new Set(problems.map((problem) => problem.file)).size,
    problems: problems.map(({ file, line, column, field, found, message }) => ({
      file,
      line,
      column,
      field,
      found: found ?? null,
      message,
    })),
    checked: {
      inspectorates: content.inspectorates.length,
      scales: content.scales.length,
      frameworks: content.frameworks.length,
      organisations: content.organisations.length,
      inspections: content.inspections.length,
      events: content.events.length,
    },
  };
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.ok ? 0 : 1);
}

const colours = coloursFor(process.stdout);
if (problems.length > 0) {
  console.log(problemReport(problems, linesFromDisk(root), colours));
  console.log("Fix them, then run npm run check again.");
  process.exit(1);
}
console.log(
  colours.good("OK: ") +
    `${content.inspections.length} inspections of ${content.organisations.length} organisations, ${content.events.length} events, ` +
    `${content.frameworks.length} frameworks and ${content.scales.length} scales checked in ${milliseconds} ms.`,
);
