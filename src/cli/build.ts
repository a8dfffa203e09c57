/**
 * `npm run build`: check everything, build into a fresh folder beside the output, index it
 * for search, and only then swap it into place. A build that fails at any step (content,
 * templates, search index) leaves the previous site exactly as it was.
 *
 * `--url` and `--path-prefix` override site.yaml for this build (through the environment
 * variables EXPLAINERS_URL and EXPLAINERS_PATH_PREFIX, which work as well); `--no-search`
 * skips the search index, for quick test builds; `--no-images` skips the share images and the
 * chart PNGs (EXPLAINERS_IMAGES=off). docs/publishing.md.
 */
import Eleventy from "@11ty/eleventy";
import { existsSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ContentError } from "../content/problems.ts";
import { SETTING_OVERRIDES } from "../content/site-settings.ts";
import { withSite } from "../eleventy/current-site.ts";
import { readSite, type Site } from "../site.ts";
import { readArgs } from "./args.ts";
import { indexForSearch, SearchIndexError } from "../search-index.ts";

const usage =
  "Usage: npm run build [-- --output <folder>] [--content <folder>] [--url <address>] [--path-prefix <path>] [--no-search] [--no-images] [--quiet]";
const { values } = readArgs(
  {
    output: { type: "string", default: "_site" },
    content: { type: "string", default: process.env.EXPLAINERS_CONTENT ?? "content" },
    url: { type: "string" },
    "path-prefix": { type: "string" },
    "no-search": { type: "boolean", default: false },
    "no-images": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
  usage,
);
const root = process.cwd();
const output = resolve(root, values.output);
if (values.url !== undefined) process.env[SETTING_OVERRIDES.url.variable] = values.url;
if (values["path-prefix"] !== undefined) process.env[SETTING_OVERRIDES.pathPrefix.variable] = values["path-prefix"];
if (values["no-images"]) process.env.EXPLAINERS_IMAGES = "off";

const unchanged = `${basename(output)}/ is as it was.`;
let site: Site;
try {
  site = readSite(root, values.content);
} catch (error) {
  console.error((error as Error).message);
  console.error(`\nNothing was built; ${unchanged}`);
  process.exit(2);
}
if (site.problems.length > 0) {
  console.error(new ContentError(site.problems).message);
  console.error(`\nNothing was built; ${unchanged}`);
  process.exit(1);
}

const staging = join(dirname(output), `.site-build-${process.pid}`);
const retired = join(dirname(output), `.site-old-${process.pid}`);
try {
  const eleventy = new Eleventy(root, staging, {
    configPath: join(root, ".eleventy.ts"),
    quietMode: values.quiet,
    // The Site just checked is the one Eleventy builds: nothing is read twice.
    config: withSite(site),
  });
  await eleventy.write();
  if (!values["no-search"]) {
    const index = await indexForSearch(staging);
    if (!values.quiet)
      console.log(`Indexed ${index.pages} pages for search (${(index.bytes / 1024).toFixed(0)} KB in pagefind/).`);
  }
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  // A search index problem is told in a sentence; anything else (a template error) keeps its stack.
  if (error instanceof SearchIndexError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.error(`\nThe build failed; ${unchanged}`);
  process.exit(1);
}
if (existsSync(output)) renameSync(output, retired);
renameSync(staging, output);
rmSync(retired, { recursive: true, force: true });
if (!values.quiet) console.log(`Built the site in ${values.output}/`);
