/**
 * `npm run draft -- <report.pdf | folder>... [--content <folder>] [--dry-run]`: draft
 * inspection files from Ofsted's report PDFs. See docs/drafting.md.
 *
 * Exit codes: 0 at least one report was read (each file that could not be is named, with
 * the reason); 1 no report could be drafted; 2 the command was misused (no report named,
 * no content folder, no frameworks in it, a damaged manifest).
 */
import { formatProblem } from "../content/problems.ts";
import { AlreadyExists, OutsideContentFolder } from "../content/write-inside.ts";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { reportFiles, runDraft, type DraftReport } from "../authoring/draft/index.ts";
import { diskFull, refusedReport } from "../authoring/import/input-files.ts";
import { lockContent, type Lock } from "../authoring/import/lock.ts";
import { formatDraftReport } from "../authoring/draft/report.ts";
import { ImportSetupError } from "../authoring/import/types.ts";
import { contentOption, readArgs, usageLine, type ArgSpec, type CommandText } from "./args.ts";
import { checkWritten } from "./check-written.ts";

const command: CommandText = {
  usage: "explainers draft <report.pdf | folder>... [--content <folder>] [--dry-run]",
  about:
    "Drafts an inspection file from each of Ofsted's report PDFs named (or in the folders named): framework, kind, visit dates, every grade, the lead inspector, what needs to improve and a quotation, marked as a draft with what it could not read listed. Never overwrites an editor's file. docs/drafting.md.",
  exits:
    "0 at least one report was drafted (each that could not be is named, with the reason); 1 no report could be drafted; 2 misused (no report named, no content folder, no frameworks in it, a damaged manifest)",
};
const spec = {
  content: contentOption("the content <folder> to write into"),
  "dry-run": { type: "boolean", default: false, help: "say what would be written, and write nothing" },
} as const satisfies ArgSpec;
const { values, positionals } = readArgs(spec, command);
const usage = usageLine(command);

function lockOrExit(folder: string, given: string): Lock {
  try {
    return lockContent(folder, given, "npm run draft");
  } catch (error) {
    if (!(error instanceof ImportSetupError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

if (positionals.length === 0) {
  console.error(`Name the report PDFs to draft from (or a folder of them).\n\n${usage}`);
  process.exit(2);
}

const root = process.cwd();
// Each report must be a plain file of a report's size before anything opens it: a named pipe would wait for ever.
const refused = reportFiles(root, positionals).flatMap((file) => {
  const why = refusedReport(resolve(root, file));
  return why ? [`${file}: ${why}`] : [];
});
if (refused.length > 0) {
  console.error("These are not read as reports; nothing was drafted:");
  for (const line of refused) console.error(`  ${line}`);
  process.exit(2);
}

let report: DraftReport;
// One command at a time writes into a content folder (src/authoring/import/lock.ts).
const contentDir = resolve(root, values.content);
const lock =
  !values["dry-run"] && existsSync(contentDir) && statSync(contentDir).isDirectory()
    ? lockOrExit(contentDir, values.content)
    : undefined;
try {
  report = await runDraft({ root, reports: positionals, content: values.content, dryRun: values["dry-run"] });
} catch (error) {
  lock?.release();
  const full = diskFull(error);
  if (full) {
    console.error(full);
    process.exit(2);
  }
  // The writing rules leave alone every path through a symbolic link; the writer checks again as it writes.
  if (!(error instanceof ImportSetupError || error instanceof OutsideContentFolder || error instanceof AlreadyExists))
    throw error;
  console.error(error.message);
  process.exit(2);
}
lock?.release();
if (lock?.tookOver)
  console.log(`The content folder's lock was left by a command that is no longer running: ${lock.tookOver}.`);

console.log(formatDraftReport(report));
const drafted = report.reports.filter((outcome) => outcome.file !== undefined);
if (!report.dryRun && drafted.some((outcome) => outcome.file!.status !== "left-alone")) {
  // What the check still refuses in the files just written: what the editor must add before the site builds.
  const files = [...drafted.map((outcome) => outcome.file!), ...report.organisations];
  const { ours } = checkWritten(root, values.content, files);
  // A report never gives its web address, and an ILACS report not its publication date: the
  // check refuses a draft until an editor adds them, as draft.needsReview says. Anything else is a bug.
  const expected = ours.filter((problem) => problem.field === "report" || problem.field === "published");
  const refused = new Set(expected.map((problem) => problem.file));
  if (refused.size > 0)
    console.log(
      `\nnpm run check refuses ${refused.size === 1 ? "this draft" : `${refused.size} of these drafts`} until an editor adds the report's web address (and its publication date where the report does not state it): see each file's draft.needsReview.`,
    );
  const unexpected = ours.filter((problem) => !expected.includes(problem));
  if (unexpected.length > 0) {
    console.error("\nThe content check found problems in files this command wrote (please report this as a bug):");
    for (const problem of unexpected) console.error(`  ${formatProblem(problem)}`);
    process.exit(1);
  }
}
process.exit(drafted.length > 0 ? 0 : 1);
