/**
 * `npm run build`: check everything, build into a fresh folder beside the output, and only
 * then swap it into place. A failed build leaves the previous site exactly as it was.
 */
import Eleventy from "@11ty/eleventy";
import { existsSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { checkContent } from "../content/index.ts";
import { ContentError } from "../content/problems.ts";
import { primeModel } from "../eleventy/model-plugin.ts";
import { readArgs } from "./args.ts";

const usage = "Usage: npm run build [-- --output <folder>] [--content <folder>] [--quiet]";
const { values } = readArgs(
  {
    output: { type: "string", default: "_site" },
    content: { type: "string", default: process.env.EXPLAINERS_CONTENT ?? "content" },
    quiet: { type: "boolean", default: false },
  },
  usage,
);
const root = process.cwd();
const output = resolve(root, values.output);
process.env.EXPLAINERS_CONTENT = values.content;

const checked = checkContent(root, values.content);
if (!checked.model) {
  console.error(new ContentError(checked.problems).message);
  console.error(`\nNothing was built; ${basename(output)}/ is as it was.`);
  process.exit(1);
}
primeModel(checked.model);

const staging = join(dirname(output), `.site-build-${process.pid}`);
const retired = join(dirname(output), `.site-old-${process.pid}`);
try {
  const eleventy = new Eleventy(root, staging, { configPath: join(root, ".eleventy.ts"), quietMode: values.quiet });
  await eleventy.write();
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.error(`\nThe build failed; ${basename(output)}/ is as it was.`);
  process.exit(1);
}
if (existsSync(output)) renameSync(output, retired);
renameSync(staging, output);
rmSync(retired, { recursive: true, force: true });
if (!values.quiet) console.log(`Built the site in ${values.output}/`);
