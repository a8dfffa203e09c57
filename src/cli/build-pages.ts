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
 */
import Eleventy from "@11ty/eleventy";
import { join } from "node:path";
import { withSite } from "../eleventy/current-site.ts";
import { readSite, type Site } from "../site.ts";
import { buildRefusal } from "./build-refusal.ts";
import type { PagesOutcome, PagesStage } from "./build-stage.ts";

export async function writeSitePages(stage: PagesStage): Promise<PagesOutcome> {
  let site: Site;
  try {
    site = readSite(stage.root, stage.content);
  } catch (error) {
    return { outcome: "refused", exitCode: 2, message: (error as Error).message };
  }
  const refusal = buildRefusal(site, { content: stage.content, allowEmpty: stage.allowEmpty });
  if (refusal) return { outcome: "refused", ...refusal };
  try {
    const eleventy = new Eleventy(stage.root, stage.staging, {
      configPath: join(stage.root, ".eleventy.ts"),
      quietMode: stage.quiet,
      // The Site just checked is the one Eleventy builds: nothing is read twice.
      config: withSite(site),
    });
    await eleventy.write();
    return { outcome: "written" };
  } catch (error) {
    // A template error keeps its stack.
    return { outcome: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
