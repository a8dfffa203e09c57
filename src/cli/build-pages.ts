/**
 * The first stage of `npm run build`: read and check the site, refuse what must not be
 * published (build-refusal.ts), and write every page into the staging folder with
 * Eleventy. The second stage, the search index, is build.ts's.
 *
 * A build with search runs this stage in a process of its own (build-pages-process.ts)
 * and indexes only once that process has ended: the model and Eleventy's own records of a
 * large site take the Node process past 1 GB, which it would otherwise still hold while
 * Pagefind's processes index the pages beside it (at 40,000 inspections the two together
 * passed 2.5 GB; docs/performance.md). A build without search has nothing to wait for,
 * and runs it in its own process, saving a Node start.
 *
 * Eleventy runs in the site's folder, as its project: its input is the site owner's own
 * pages (layouts/), and its configuration, the page shell and the stylesheets are the
 * package's (package-folder.ts), given to it as absolute paths.
 */
import Eleventy from "@11ty/eleventy";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sharingPlan } from "../eleventy/sharing-plan.ts";
import { fitSteps } from "../publishing/fit.ts";
import sitePlugin from "../eleventy/site-plugin.ts";
import type { EleventyConfig } from "../eleventy/types.ts";
import { PACKAGE_FOLDER } from "../package-folder.ts";
import { readSite, type Site } from "../site.ts";
import { buildRefusal, diskProblem } from "./build-refusal.ts";
import type { PagesOutcome, PagesStage } from "./build-stage.ts";

export async function writeSitePages(stage: PagesStage): Promise<PagesOutcome> {
  let site: Site;
  try {
    site = readSite(stage.root, stage.content, { ...process.env, ...stage.overrides });
  } catch (error) {
    return { outcome: "refused", exitCode: 2, message: (error as Error).message };
  }
  const refusal = buildRefusal(site, { content: stage.content, allowEmpty: stage.allowEmpty });
  if (refusal) return { outcome: "refused", ...refusal };
  let held: { tell(): void } = { tell: () => {} };
  // Eleventy reads every folder it is given from the folder it runs in: the site's.
  const runsIn = process.cwd();
  process.chdir(stage.root);
  try {
    const eleventy = new Eleventy(undefined, stage.staging, {
      configPath: join(PACKAGE_FOLDER, ".eleventy.ts"),
      // The configuration and templates are ES modules, whatever the site's package.json says.
      loader: "esm",
      quietMode: stage.quiet,
      pathPrefix: site.settings.pathPrefix,
      // The Site just checked is the one Eleventy builds: nothing is read twice. Added
      // before .eleventy.ts runs, which then adds nothing (src/eleventy/site-plugin.ts).
      config: (eleventyConfig: EleventyConfig) =>
        eleventyConfig.addPlugin(sitePlugin, {
          site: () => site,
          images: stage.images,
          drawImages: stage.draw !== false,
          imageCache: stage.imageCache,
          previewSearch: false,
        }),
    });
    held = holdErrorLog(eleventy);
    await eleventy.write();
    held.tell();
    // What each narrower sharing setting would cost, for build.ts to plan before any picture is drawn.
    if (stage.plan) {
      const settings = [undefined, ...fitSteps(site.settings.sharing)];
      const started = performance.now();
      const plan = sharingPlan(site, stage.staging, stage.imageCache, stage.images, settings);
      writeFileSync(stage.plan, JSON.stringify(plan));
      const own = plan.costs[0]!;
      // Printed even when the build is quiet, as the pictures' own summary is.
      console.log(
        `Planned before drawing: ${own.files.toLocaleString("en-GB")} share files as the site shares, ${own.pictures.toLocaleString("en-GB")} of them pictures (${own.cached.toLocaleString("en-GB")} in the image cache), in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      );
    }
    return { outcome: "written" };
  } catch (error) {
    // The disk full is told in a sentence; a template error keeps its stack, and what Eleventy said of it.
    const disk = diskProblem(error);
    if (!disk) held.tell();
    return {
      outcome: "failed",
      message: disk ?? (error instanceof Error ? (error.stack ?? error.message) : String(error)),
    };
  } finally {
    process.chdir(runsIn);
  }
}

interface Logger {
  message(...args: unknown[]): void;
}

/**
 * What Eleventy's error handler would print (a failed write, with its stack), held until
 * `tell`: a full disk is told in one sentence instead, and the stack is left out.
 */
function holdErrorLog(eleventy: Eleventy): { tell(): void } {
  const handler = (eleventy as unknown as { errorHandler?: { logger: Logger } }).errorHandler;
  if (!handler) return { tell: () => {} };
  const logger = handler.logger;
  const message = logger.message.bind(logger);
  const held: unknown[][] = [];
  // Its own method replaced on the one logger: the logger keeps private fields a copy would not have.
  logger.message = (...args: unknown[]) => void held.push(args);
  return {
    tell: () => {
      logger.message = message;
      for (const args of held.splice(0)) message(...args);
    },
  };
}
