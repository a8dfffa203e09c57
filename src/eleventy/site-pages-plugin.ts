/**
 * Writes the pages there are thousands of (src/render/site-pages.ts: explainers, embed
 * pages, organisation pages and feeds, the lists of inspections) after Eleventy has
 * written its own, one at a time, each let go as soon as it is on disk. Eleventy keeps
 * every page it renders, with its data, until the build ends: at 40,000 inspections
 * (100,000 pages) that was 4 GB. Written here, a page costs its own markup, briefly.
 *
 * Every link in them is root-relative, like Eleventy's pages; with a path prefix, each
 * page goes through the HTML base plugin's own transform (`transformWithHtmlBase`), so
 * these pages and Eleventy's get the same addresses.
 * https://www.11ty.dev/docs/plugins/html-base/
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { sitePages, type SitePage } from "../render/site-pages.ts";
import type { Site } from "../site.ts";
import type { EleventyConfig } from "./types.ts";

export interface SitePagesPluginOptions {
  /** The Site of the build that is running (current-site.ts). */
  site: () => Site;
  /** The build draws share images: pages name them. */
  images: boolean;
}

/** The pages of a Site, as the build writes them. */
export function pagesOf(site: Site, images: boolean): SitePage[] {
  return sitePages({
    model: site.model,
    settings: site.settings,
    inspectionFilters: site.inspectionFilters,
    listingPages: site.listingPages,
    directory: site.directory,
    asAt: site.national.asAt,
    images,
  });
}

/** The file a page's address is written to, under `output`. */
export function fileOf(output: string, url: string): string {
  return join(output, url.endsWith("/") ? `${url}index.html` : url);
}

type Transform = (this: { page: { url: string } }, content: string, base?: string, pageUrl?: string) => Promise<string>;

/** Writes `pages` under `output`; with a path prefix, each HTML page's links are given it first. */
export async function writePages(
  pages: Iterable<SitePage>,
  output: string,
  withBase: Transform | undefined,
): Promise<number> {
  const made = new Set<string>();
  let written = 0;
  for (const page of pages) {
    const file = fileOf(output, page.url);
    const folder = dirname(file);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    let markup = page.render();
    if (withBase && file.endsWith(".html"))
      markup = await withBase.call({ page: { url: page.url } }, markup, undefined, page.url);
    writeFileSync(file, markup);
    written++;
  }
  return written;
}

export default function sitePagesPlugin(eleventyConfig: EleventyConfig, options: SitePagesPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("sitePagesPlugin needs the `site` option (current-site.ts).");
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (!directories) throw new Error("Eleventy did not say where it wrote the site; its pages cannot be written.");
    const site = options.site();
    const started = performance.now();
    const withBase =
      site.settings.pathPrefix === "/" ? undefined : (eleventyConfig.getFilter("transformWithHtmlBase") as Transform);
    const written = await writePages(pagesOf(site, options.images), directories.output, withBase);
    // Printed even when the build is quiet, as Eleventy prints its own count of files.
    console.log(
      `Wrote ${written.toLocaleString("en-GB")} pages of the model in ${((performance.now() - started) / 1000).toFixed(2)} s.`,
    );
  });
}
