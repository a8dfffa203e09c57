/**
 * `npm run import -- <file.csv> --mapping <mapping.yaml> [--reports <folder>] [--content <folder>] [--dry-run]`:
 * first drafts of organisations and inspections from a spreadsheet, its gaps filled from
 * the report PDFs in a folder when one is named. See docs/importing.md.
 *
 * Exit codes: 0 it ran (rows it could not use are reported, not errors); 1 it ran, but a
 * file it wrote fails the content checks (a bug: please report it); 2 the command was
 * misused: bad arguments, an unreadable CSV, a bad mapping file or manifest.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { formatProblem } from "../content/problems.ts";
import { readReportsFolder, type ReportRead } from "../authoring/import/from-reports.ts";
import { AlreadyExists, OutsideContentFolder } from "../content/write-inside.ts";
import { ImportSetupError, runImport, type ImportReport } from "../authoring/import/index.ts";
import { CSV_ENCODINGS } from "../authoring/import/csv.ts";
import { diskFull, refusedReports } from "../authoring/import/input-files.ts";
import { reportLines } from "../authoring/import/report.ts";
import { plural } from "../model/labels.ts";
import { contentOption, readArgs, usageLine, type ArgSpec, type CommandText } from "./args.ts";
import { checkWritten } from "./check-written.ts";

const command: CommandText = {
  usage:
    "explainers import <file.csv> --mapping <mapping.yaml> [--encoding utf8|latin1] [--reports <folder>] [--content <folder>] [--dry-run]",
  about:
    "Turns a spreadsheet of inspections into draft content files through a mapping (the shipped ones are in the package's mappings/ folder); --reports fills its gaps from the report PDFs in a folder. Never overwrites a file an editor has changed, and checks what it wrote as the build would. docs/importing.md.",
  exits:
    "0 it ran (rows it could not use are reported, not errors); 1 a file it wrote fails the content checks (a bug: please report it); 2 misused: bad arguments, an unreadable CSV, a bad mapping file or manifest",
};
const spec = {
  mapping: { type: "string", help: "the <mapping.yaml> that says which column is what" },
  encoding: { type: "string", default: "utf8", help: "the CSV's <encoding>: utf8, or latin1 (Windows-1252)" },
  reports: { type: "string", help: "a <folder> of report PDFs to fill the spreadsheet's gaps from" },
  content: contentOption("the content <folder> to write into"),
  "dry-run": { type: "boolean", default: false, help: "say what would be written, and write nothing" },
} as const satisfies ArgSpec;
const { values, positionals } = readArgs(spec, command);
const usage = usageLine(command);

if (positionals.length !== 1 || !values.mapping) {
  const what =
    positionals.length === 0
      ? "Name the CSV file to import."
      : positionals.length > 1
        ? `Name one CSV file (got ${positionals.join(", ")}).`
        : "Name the mapping file with --mapping.";
  console.error(
    `${what}\n\n${usage}\nShipped mappings are in mappings/, for example --mapping mappings/ofsted-ilacs-history.yaml.`,
  );
  process.exit(2);
}

const encoding = CSV_ENCODINGS.find((name) => name === values.encoding.toLowerCase().replace(/^utf-8$/, "utf8"));
if (!encoding) {
  console.error(
    `--encoding ${values.encoding} is not one the importer reads: utf8 (the default) or latin1 (Windows-1252, as older spreadsheets save a CSV).\n\n${usage}`,
  );
  process.exit(2);
}

const root = process.cwd();
let reports: { folder: string; reads: ReportRead[] } | undefined;
if (values.reports) {
  const folder = resolve(root, values.reports);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error(`The reports folder ${values.reports} does not exist.\n\n${usage}`);
    process.exit(2);
  }
  // Each PDF must be a plain file of a report's size before anything opens it (a named pipe would wait for ever).
  const refused = refusedReports(folder);
  if (refused.length > 0) {
    console.error(`The reports folder ${values.reports} holds files that are not read; nothing was imported:`);
    for (const line of refused) console.error(`  ${line}`);
    process.exit(2);
  }
  reports = { folder: values.reports, reads: await readReportsFolder(folder) };
}
let report: ImportReport;
try {
  report = runImport({
    ...(reports ? { reports } : {}),
    root,
    csv: positionals[0]!,
    mapping: values.mapping,
    content: values.content,
    dryRun: values["dry-run"],
    encoding,
    onProgress: (rows) => console.error(`Read ${rows.toLocaleString("en-GB")} rows of ${positionals[0]}...`),
  });
} catch (error) {
  const stopped = diskFull(error);
  if (stopped) {
    console.error(stopped);
    process.exit(2);
  }
  // The plan leaves alone every path through a symbolic link; the writer checks again as it writes.
  if (error instanceof OutsideContentFolder || error instanceof AlreadyExists) {
    console.error(
      `The import stopped: ${error.message} Files it wrote before stopping are in its manifest (or are recognised by their bytes), so a new import after the cause is fixed carries on where it stopped.`,
    );
    process.exit(2);
  }
  if (!(error instanceof ImportSetupError)) throw error;
  console.error(error.message);
  for (const detail of error.details) console.error(`  ${detail}`);
  process.exit(2);
}

// A line at a time in blocks: a million rows' report does not fit in one string.
const lines = reportLines(report, values.mapping);
for (let start = 0; start < lines.length; start += 10_000)
  process.stdout.write(`${lines.slice(start, start + 10_000).join("\n")}\n`);
if (report.dryRun) process.exit(0);

// The files just written must pass the same checks as the build.
const { problems, ours, notices } = checkWritten(root, values.content, report.files);
if (ours.length > 0) {
  console.error(`\nThe content check found ${plural(ours.length, "problem")} in files this import wrote:`);
  for (const problem of ours) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
console.log(
  problems.length === 0
    ? `Content check: OK.${notices.length ? ` ${plural(notices.length, "notice")}: grades, visit dates or kinds not on the site yet, listed by npm run check -- --content ${values.content}.` : ""}`
    : `Content check: the imported files are fine, but ${plural(problems.length, "problem is", "problems are")} elsewhere in ${values.content}; run npm run check -- --content ${values.content}.`,
);
