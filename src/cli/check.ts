/**
 * `npm run check`: reads and checks all content and site.yaml exactly as the build does,
 * renders nothing, and adds the one check the build leaves out: dates after today
 * (src/content/validate-today.ts). Problems go to stdout grouped by file, each with the
 * line quoted; `--json` prints one JSON document instead and nothing else (its shape is
 * in docs/editing.md and `CheckReport` in src/content/problem-json.ts). npm prints its
 * own banner on stdout before a script's output: `npm run -s check -- --json` (or
 * `node --import tsx src/cli/check.ts --json`) leaves it out.
 *
 * Notices (what the content does not know yet: grades, visit dates, kinds) are listed
 * after a clean check, as work for an editor; they are not problems.
 *
 * Exit codes: 0 all good (notices or not), 1 problems found, 2 the command itself was misused.
 */
import { performance } from "node:perf_hooks";
import { runCheck } from "../content/index.ts";
import { checkReportJson, PROBLEMS_LISTED } from "../content/problem-json.ts";
import { linesFromDisk } from "../content/problem-quote.ts";
import { coloursFor, noticeReport, problemReport } from "../content/problem-report.ts";
import { contentOption, notAContentFolder, readArgs, usageLine, type ArgSpec, type CommandText } from "./args.ts";

const command: CommandText = {
  usage: "explainers check [--content <folder>] [--json] [--max-problems <n>]",
  about:
    "Reads and checks all content and site.yaml exactly as the build does, and dates after today, without building. Lists every problem in every file in one pass, with line:column, the line quoted and the fix; then the notices (what the content does not know yet), which are work for an editor, not problems. docs/editing.md.",
  exits: "0 no problems (notices or not); 1 problems found; 2 misused",
};
const spec = {
  content: contentOption("the content <folder> to check"),
  json: {
    type: "boolean",
    default: false,
    help: "one JSON document on stdout and nothing else (npm run -s check -- --json in a clone)",
  },
  "max-problems": {
    type: "string",
    default: String(PROBLEMS_LISTED),
    help: "list at most <n> problems and notices; 0 lists them all",
  },
} as const satisfies ArgSpec;
const { values, positionals } = readArgs(spec, command);
const usage = usageLine(command);
const root = process.cwd();
if (positionals.length > 0) {
  console.error(
    `explainers check checks the whole content folder and takes no file names (got ${positionals.join(", ")}).\n\n${usage}`,
  );
  process.exit(2);
}
const maxProblems = /^\d+$/.test(values["max-problems"]) ? Number(values["max-problems"]) || Infinity : undefined;
if (maxProblems === undefined) {
  console.error(
    `--max-problems takes a whole number (0 lists every problem); got ${values["max-problems"]}.\n\n${usage}`,
  );
  process.exit(2);
}
const notFolder = notAContentFolder(root, values.content);
if (notFolder) {
  console.error(`${notFolder}\n\n${usage}`);
  process.exit(2);
}

const started = performance.now();
const { content, problems, notices } = runCheck(root, values.content);
const milliseconds = Math.round(performance.now() - started);

// The exit code is set, never process.exit after printing: stdout to a pipe is written
// after this script ends, and exiting first cut a long report off at 64 KB.
process.exitCode = problems.length === 0 ? 0 : 1;
// A reader that stops early (`| head`) closes the pipe: not an error of the check.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit();
});
if (values.json) console.log(checkReportJson(content, problems, notices, maxProblems));
else report();

function report(): void {
  const colours = coloursFor(process.stdout);
  if (problems.length > 0) {
    console.log(problemReport(problems, linesFromDisk(root, values.content), colours, maxProblems));
    console.log("Fix them, then run npm run check again.");
    return;
  }
  if (notices.length > 0)
    console.log(`${noticeReport(notices, linesFromDisk(root, values.content), colours, maxProblems)}\n`);
  console.log(
    colours.good("OK: ") +
      `${content.inspections.length} inspections of ${content.organisations.length} organisations, ${content.events.length} events, ` +
      `${content.frameworks.length} frameworks and ${content.scales.length} scales checked in ${milliseconds} ms.`,
  );
}
