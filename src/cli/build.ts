/**
 * `npm run build`: check everything, build into a fresh folder beside the output, index it
 * for search, and only then swap it into place. A build that fails at any step (content,
 * templates, search index) leaves the previous site exactly as it was. It refuses to
 * replace a site with one missing what it could not read, or with one of no inspections
 * at all (a wrong --content, an emptied folder) unless told `--allow-empty`.
 *
 * With search, the first stage (read, check, write the pages: build-pages.ts) runs in a
 * process of its own, so that its memory is given back before Pagefind indexes.
 *
 * Exit codes: 0 built; 1 the content or site.yaml has problems, or the build itself
 * failed; 2 misused, or the content could not all be read, or there are no inspections.
 *
 * `--url` and `--path-prefix` override site.yaml for this build (through the environment
 * variables EXPLAINERS_URL and EXPLAINERS_PATH_PREFIX, which work as well); `--no-search`
 * skips the search index, for quick test builds; `--no-images` skips the share images and the
 * chart PNGs (EXPLAINERS_IMAGES=off). docs/publishing.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SETTING_OVERRIDES } from "../content/site-settings.ts";
import { contentOption, notAContentFolder, readArgs, usageLine, type ArgSpec, type CommandText } from "./args.ts";
import { outcomeOfExit, type PagesOutcome, type PagesStage, stepOverrides } from "./build-stage.ts";
import { diskProblem, outputRefusal } from "./build-refusal.ts";
import { BUILD_MARKER, MARKER_TEXT, realOutput } from "./output-folder.ts";
import { indexForSearch, SearchIndexError } from "../search-index.ts";
import { removeAbandoned, retiredFolder, stagingFolder } from "./staging.ts";
import { type BudgetVerdict, refusalText, verdictJson, verdictText } from "./build-budget.ts";
import { readSiteSettings } from "../content/site-settings.ts";
import { HOST_IDS, type SiteSettings } from "../model/site-settings.ts";
import { type Budget, measureOutput } from "../publishing/budget.ts";
import { type FitSetting, fitAdvice, fitText, fitToHost, type Plan } from "../publishing/fit.ts";
import { hostById } from "../publishing/hosts.ts";

const command: CommandText = {
  usage:
    "explainers build [--content <folder>] [--output <folder>] [--url <address>] [--path-prefix <path>] [--no-search] [--no-images] [--allow-empty] [--host <host>] [--json] [--quiet]",
  about:
    "Checks all content and site.yaml, builds the site into a new folder beside the output folder, indexes it for search, and only then puts it in place of the output folder. A failed build leaves the site that was there as it was, and a build never replaces a site with one missing content it could not read, or with no inspections at all (unless --allow-empty). Run it in the site's folder, the one with site.yaml: the output and the image cache (.cache/images) are written there. docs/publishing.md.",
  exits:
    "0 built; 1 the content or site.yaml has problems, the site does not fit its host, or the build failed; 2 misused, or the content could not all be read, or there are no inspections, and nothing was built",
};
const spec = {
  content: contentOption("the content <folder> to build"),
  output: { type: "string", default: "_site", help: "the <folder> the site is written to" },
  url: { type: "string", help: "the site's <address> for this build, in place of site.yaml's url" },
  "path-prefix": { type: "string", help: "the <path> the site is published under, in place of site.yaml's" },
  "no-search": { type: "boolean", default: false, help: "no search index (quicker test builds)" },
  "no-images": { type: "boolean", default: false, help: "no share images or chart PNGs" },
  "allow-empty": { type: "boolean", default: false, help: "publish a site of no inspections" },
  host: { type: "string", help: `the <host> the site must fit: ${HOST_IDS.join(", ")} (default site.yaml's host)` },
  json: { type: "boolean", default: false, help: "the host's verdict as one JSON document on stdout" },
  quiet: { type: "boolean", default: false, help: "only problems are printed" },
} as const satisfies ArgSpec;
const { values, positionals } = readArgs(spec, command);
const usage = usageLine(command);
if (positionals.length > 0) {
  console.error(
    `explainers build builds the whole content folder and takes no file names (got ${positionals.join(", ")}); name the folder with --content.\n\n${usage}`,
  );
  process.exit(2);
}
const root = process.cwd();
// With --json, stdout holds the one JSON document: whatever the stages print goes to stderr.
const printJson = (text: string) => process.stdout.write(`${text}\n`);
if (values.json) {
  values.quiet = true;
  console.log = console.error;
}
if (values.host !== undefined && !(HOST_IDS as readonly string[]).includes(values.host)) {
  console.error(`--host must be one of ${HOST_IDS.join(", ")}; it is '${values.host}'.\n\n${usage}`);
  process.exit(2);
}
// An --output that is a symbolic link: the folder it leads to is replaced, and the link stays.
const output = realOutput(resolve(root, values.output));
// --url and --path-prefix: overrides of site.yaml for the stages, on top of the environment's.
const given: Record<string, string> = {};
if (values.url !== undefined) given[SETTING_OVERRIDES.url.variable] = values.url;
if (values["path-prefix"] !== undefined) given[SETTING_OVERRIDES.pathPrefix.variable] = values["path-prefix"];

const unchanged = `${basename(resolve(root, values.output))}/ is as it was.`;
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
const staging = stagingFolder(dirname(output), process.pid);
const retired = retiredFolder(dirname(output), process.pid);
const stage: PagesStage = {
  root,
  content: values.content,
  staging,
  quiet: values.quiet,
  allowEmpty: values["allow-empty"],
  images: !values["no-images"] && process.env.EXPLAINERS_IMAGES !== "off",
  // The pictures are cached in the site's folder, never in the package's (node_modules/...).
  imageCache: resolve(root, process.env.EXPLAINERS_IMAGE_CACHE ?? ".cache/images"),
  overrides: given,
};
const settings = settingsOrNone();
const host = hostById(values.host ?? settings?.host);
// With a host, what is shared (and, past that, the open data's form) may be narrowed to fit
// it, planned before any picture is drawn (src/publishing/fit.ts).
const fit = await fitToHost(
  host,
  { sharing: settings?.sharing, openData: settings?.openData ?? "whole", feeds: settings?.feeds ?? "all" },
  { pages: stagedSite, search: indexedSite, draw: drawnSite },
  (line) => values.quiet || console.log(line),
);
const verdict: BudgetVerdict = { budget: fit.budget, host, over: fit.over };
const fitted = host ? [fitText(host, fit), fitAdvice(fit, host)].filter(Boolean).join("\n") : "";
try {
  if (verdict.over.length > 0) {
    if (values.json) printJson(verdictJson(verdict, false, fit));
    console.error(
      `${refusalText(verdict, fit.chosen === undefined, fit.searched || values["no-search"])}${fitted ? `\n${fitted}` : ""}\n\nNothing was published; ${unchanged}`,
    );
    // After saying so: removing a large site's staging folder can take minutes.
    removeQuietly(staging);
    process.exit(1);
  }
  if (values.json) printJson(verdictJson(verdict, true, fit));
  else if (!values.quiet) console.log(`${verdictText(verdict)}${fitted ? `\n${fitted}` : ""}`);
  swapIn();
} catch (error) {
  failed(error);
}
removeQuietly(retired);
if (!values.quiet) console.log(`Built the site in ${values.output}/`);

/** site.yaml's settings; none when they have problems or an override is wrong, which the pages' stage then reports. */
function settingsOrNone(): SiteSettings | undefined {
  try {
    return readSiteSettings(root, "site.yaml", { ...process.env, ...given }).settings;
  } catch {
    return undefined;
  }
}

/**
 * The site written into the staging folder under `setting` and measured (`indexedSite`
 * then indexes it for search). `draw: false` leaves its pictures named but
 * not drawn (`drawnSite` draws them); `plan` asks the pages' stage for the fit plan. A step
 * that fails ends the build, the previous site kept.
 */
async function stagedSite(
  setting: FitSetting,
  options: { draw: boolean; plan: boolean },
): Promise<{ budget: Budget; plan?: Plan }> {
  // The pictures are drawn later (drawnSite) under the settings the pages were last written with.
  stage.overrides = stepOverrides(given, setting);
  removeQuietly(staging);
  const planFile = options.plan ? join(tmpdir(), `explainers-plan-${process.pid}.json`) : undefined;
  const pagesStage: PagesStage = { ...stage, draw: options.draw, ...(planFile ? { plan: planFile } : {}) };
  const pages = values["no-search"]
    ? await (await import("./build-pages.ts")).writeSitePages(pagesStage)
    : pagesInOwnProcess(pagesStage);
  if (pages.outcome !== "written") {
    removeQuietly(staging);
    if (pages.message) console.error(pages.message);
    console.error(
      pages.outcome === "refused" ? `\nNothing was built; ${unchanged}` : `\nThe build failed; ${unchanged}`,
    );
    process.exit(pages.outcome === "refused" ? pages.exitCode : 1);
  }
  try {
    writeFileSync(join(staging, BUILD_MARKER), MARKER_TEXT);
    const plan = planFile ? (JSON.parse(readFileSync(planFile, "utf8")) as Plan) : undefined;
    if (planFile) rmSync(planFile, { force: true });
    return { budget: measureOutput(staging), ...(plan ? { plan } : {}) };
  } catch (error) {
    return failed(error);
  }
}

/** The site last staged, indexed for search (unless --no-search) and measured. */
async function indexedSite(): Promise<Budget> {
  try {
    if (!values["no-search"]) {
      const index = await indexForSearch(staging);
      if (!values.quiet)
        console.log(
          `Indexed ${index.pages} pages for search (${(index.bytes / 1024).toFixed(0)} KB in pagefind/${index.parts > 1 ? `, in ${index.parts} parts` : ""}).`,
        );
    }
    return measureOutput(staging);
  } catch (error) {
    return failed(error);
  }
}

/** The pictures of the site last staged, drawn (or taken from the image cache) once the plan has chosen what fits; then measured. */
async function drawnSite(): Promise<Budget> {
  try {
    await (await import("./build-pictures.ts")).drawSitePictures(stage);
    return measureOutput(staging);
  } catch (error) {
    return failed(error);
  }
}

/** A step that failed after staging: the staging folder removed, the reason told, exit 1. */
function failed(error: unknown): never {
  removeQuietly(staging);
  // The disk full, or a search index problem, is told in a sentence; anything else keeps its stack.
  const told = diskProblem(error) ?? (error instanceof SearchIndexError ? error.message : undefined);
  console.error(told ?? (error instanceof Error ? (error.stack ?? error.message) : error));
  console.error(`\nThe build failed; ${unchanged}`);
  process.exit(1);
}

/** The new site into place of the old, which is kept aside until the new one is in (and put back if it cannot be). */
function swapIn(): void {
  const hadOne = existsSync(output);
  if (hadOne) renameSync(output, retired);
  try {
    renameSync(staging, output);
  } catch (error) {
    if (hadOne) renameSync(retired, output);
    throw error;
  }
}

/** Removes a working folder; one that cannot be removed (a full disk, permissions) is left for the next build. */
function removeQuietly(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // removeAbandoned takes it away next time
  }
}

/**
 * The pages written by a process of their own, so that its memory is given back before
 * Pagefind's processes start (build-pages.ts); the same Node, with the same loader.
 */
function pagesInOwnProcess(stage: PagesStage): PagesOutcome {
  const script = fileURLToPath(new URL("./build-pages-process.ts", import.meta.url));
  const ran = spawnSync(process.execPath, [...process.execArgv, script], {
    // With --json, the stage's output goes to stderr: stdout holds only the JSON.
    stdio: values.json ? ["inherit", process.stderr, "inherit"] : "inherit",
    env: { ...process.env, EXPLAINERS_PAGES_STAGE: JSON.stringify(stage) },
  });
  if (ran.error) return { outcome: "failed", message: `The pages could not be written: ${ran.error.message}` };
  return outcomeOfExit(ran.status);
}
