/**
 * `npm run check`: reads and checks all content exactly as the build does, renders nothing.
 * Exit codes: 0 all good, 1 problems found, 2 the command itself was misused.
 */
import { performance } from "node:perf_hooks";
import { checkContent } from "../content/index.ts";
import { formatProblem } from "../content/problems.ts";
import { readArgs } from "./args.ts";

const usage = "Usage: npm run check [-- --content <folder>]";
const { values } = readArgs({ content: { type: "string", default: process.env.EXPLAINERS_CONTENT ?? "content" } }, usage);
const started = performance.now();
const result = checkContent(process.cwd(), values.content);
const milliseconds = Math.round(performance.now() - started);

if (result.problems.length > 0) {
  let file = "";
  for (const problem of result.problems) {
    if (problem.file !== file) {
      file = problem.file;
      console.error(`\n${file}`);
    }
    console.error(`  ${formatProblem(problem)}`);
  }
  const files = new Set(result.problems.map((problem) => problem.file)).size;
  console.error(`\n${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}. Nothing was built.`);
  process.exit(1);
}
const { content } = result;
console.log(
  `OK: ${content.inspections.length} inspections of ${content.organisations.length} organisations, ${content.events.length} events, ` +
    `${content.frameworks.length} frameworks and ${content.scales.length} scales checked in ${milliseconds} ms.`,
);
