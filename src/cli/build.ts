/**
 * `npm run build`: check everything, build into a fresh folder beside the output, index it
 * for search, and only then swap it into place. A build that fails at any step (content,
 * templates, search index) leaves the previous site exactly as it was. It refuses to
 * replace a site with one missing what it could not read, or with one of no inspections
 * at all (a wrong --content, an emptied folder) unless told `--allow-empty`.
 *
 * Exit codes: 0 built; 1 the content or site.yaml has problems, or the build itself
 * failed; 2 misused, or the content could not all be read, or there are no inspections.
 *
 * `--url` and `--path-prefix` override site.yaml for this build (through the environment
 * variables EXPLAINERS_URL and EXPLAINERS_PATH_PREFIX, which work as well); `--no-search`
 * skips the search index, for quick test builds; `--no-images` skips the share images and the
 * chart PNGs (EXPLAINERS_IMAGES=off). docs/publishing.md.
 */
import Eleventy from "@11ty/eleventy";
import { existsSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { SETTING_OVERRIDES } from "../content/site-settings.ts";
import { withSite } from "../eleventy/current-site.ts";
import { readSite, type Site } from "../site.ts";
import { notAContentFolder, readArgs } from "./args.ts";
import { buildRefusal, outputRefusal } from "./build-refusal.ts";
import { indexForSearch, SearchIndexError } from "../search-index.ts";
import { removeAbandoned, retiredFolder, stagingFolder } from "./staging.ts";

const usage =
  "Usage: npm run build [-- --output <folder>] [--content <folder>] [--url <address>] [--path-prefix <path>] [--no-search] [--no-images] [--allow-empty] [--quiet]";
const { values } = readArgs(
  {
    output: { type: "string", default: "_site" },
    content: { type: "string", default: process.env.EXPLAINERS_CONTENT ?? "content" },
    url: { type: "string" },
    "path-prefix": { type: "string" },
    "no-search": { type: "boolean", default: false },
    "no-images": { type: "boolean", default: false },
    "allow-empty": { type: "boolean", default: false },
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
const notFolder = notAContentFolder(root, values.content);
if (notFolder) {
  console.error(`${notFolder}\n\nNothing was built; ${unchanged}`);
  process.exit(2);
}
const badOutput = outputRefusal(root, resolve(root, values.content), output);
if (badOutput) {
  console.error(`${badOutput.message}\n\nNothing was built.`);
  process.exit(badOutput.exitCode);
}
const abandoned = removeAbandoned(dirname(output));
if (abandoned.length > 0 && !values.quiet)
  console.log(`Removed ${abandoned.join(", ")}, left beside ${basename(output)}/ by builds that were stopped.`);
let site: Site;
try {
  site = readSite(root, values.content);
} catch (error) {
  console.error((error as Error).message);
  console.error(`\nNothing was built; ${unchanged}`);
  process.exit(2);
}
const refusal = buildRefusal(site, { content: values.content, allowEmpty: values["allow-empty"] });
if (refusal) {
  console.error(refusal.message);
  console.error(`\nNothing was built; ${unchanged}`);
  process.exit(refusal.exitCode);
}

const staging = stagingFolder(dirname(output), process.pid);
const retired = retiredFolder(dirname(output), process.pid);
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
      console.log(
        `Indexed ${index.pages} pages for search (${(index.bytes / 1024).toFixed(0)} KB in pagefind/${index.parts > 1 ? `, in ${index.parts} parts` : ""}).`,
      );
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
