/**
 * The pictures of a build with a host, drawn once the build has planned what fits it
 * (src/publishing/fit.ts): the site read again, under the settings the pages were last
 * written with (the sharing and open data overrides build.ts set), and its pictures put
 * into the staging folder, from the image cache or drawn. Run after the search index, in
 * build.ts's own process: nothing else is running by then.
 */
import { drawPictures } from "../eleventy/sharing-plugin.ts";
import { readSite } from "../site.ts";
import type { PagesStage } from "./build-stage.ts";

export async function drawSitePictures(stage: PagesStage): Promise<void> {
  const site = readSite(stage.root, stage.content, { ...process.env, ...stage.overrides });
  await drawPictures(site, site.model.inspections, stage.staging, stage.imageCache, stage.images);
}
