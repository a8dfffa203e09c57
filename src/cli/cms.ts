/**
 * `npm run cms`: the content manager (Decap CMS) on this computer, saving into this
 * repository: forms for every kind of content file, drafts as git branches, publishing as
 * a merge. Listens on 127.0.0.1 only, and answers only the page opened from the one-time
 * link it prints (press Enter for another). See docs/editing.md and src/authoring/editors/local-cms.ts.
 *
 * It starts with changes of yours not committed, says which, and never touches them.
 *
 * Exit codes: 0 stopped with Ctrl+C; 1 it could not start (not in a git repository, not on
 * a branch, no git identity, or the content has problems: it says which); 2 misused.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { LocalCmsError, startLocalCms } from "../authoring/editors/local-cms.ts";
import { contentOption, readArgs, usageLine, type ArgSpec, type CommandText } from "./args.ts";
import { linesFromDisk } from "../content/problem-quote.ts";
import { coloursFor, problemReport } from "../content/problem-report.ts";

const command: CommandText = {
  usage: "explainers cms [--port <number>] [--content <folder>]",
  about:
    "The content manager (Decap CMS) on this computer, saving into this git repository: forms for every kind of content file, drafts as branches, publishing as a merge. Listens on 127.0.0.1 only, and answers only the page opened from the one-time link it prints (press Enter for another). docs/editing.md.",
  exits:
    "0 stopped with Ctrl+C; 1 it could not start (not in a git repository, not on a branch, no git identity, or content problems: it says which); 2 misused",
};
const spec = {
  port: { type: "string", default: "8081", help: "the port <number> to listen on, on 127.0.0.1" },
  content: contentOption("the content <folder> it edits"),
} as const satisfies ArgSpec;
const { values, positionals } = readArgs(spec, command);
const usage = usageLine(command);
const port = Number(values.port);
if (positionals.length > 0 || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `${positionals.length > 0 ? `explainers cms takes no file names (got ${positionals.join(", ")}).` : `--port must be a port number (got ${values.port}).`}\n\n${usage}`,
  );
  process.exit(2);
}
const root = process.cwd();
if (!existsSync(resolve(root, values.content))) {
  console.error(`There is no content folder ${values.content}.\n\n${usage}`);
  process.exit(2);
}

try {
  const cms = await startLocalCms({ root, content: values.content, port });
  console.log(`The content manager is at ${cms.newLink()}`);
  console.log(
    `Open that link: it works once, and gives that browser the key to this content manager, which answers nothing else.`,
  );
  console.log(
    `It saves into ${cms.repository}: a draft is a branch (cms/...), and publishing commits it onto ${cms.branch}.`,
  );
  if (cms.untouched.length > 0) {
    const shown = cms.untouched.slice(0, 20).map((line) => `  ${line}`);
    if (cms.untouched.length > 20) shown.push(`  and ${cms.untouched.length - 20} more`);
    console.log(
      `These changes of yours are not committed. The content manager will not touch them: it never commits, stashes or overwrites them, and it will not publish an entry whose file is one of them until you commit or undo it:\n${shown.join("\n")}`,
    );
  }
  console.log(
    "Run npx explainers start (npm start in a clone of the project) beside it to see the site. Press Enter for a new link, Ctrl+C to stop.",
  );
  if (process.stdin.isTTY)
    createInterface({ input: process.stdin }).on("line", () => console.log(`A new link: ${cms.newLink()}`));
  const stop = () => void cms.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  if (!(error instanceof LocalCmsError)) throw error;
  if (error.problems.length > 0)
    console.error(problemReport(error.problems, linesFromDisk(root), coloursFor(process.stderr)));
  console.error(error.message);
  process.exit(1);
}
