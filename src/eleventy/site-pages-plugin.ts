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
 *
 * In the preview (`npm start`), a build after an edit writes only the pages the edit
 * changed: those showing an organisation whose files changed (site-change.ts), and those
 * whose other content (`uses.key`: a list's years and neighbours, a directory's groups)
 * is not what it was; pages gone from the site are deleted. Anything that reaches every
 * page (site.yaml, a definition, the date the site is as at) writes them all, as does the
 * first build. While the content has problems nothing is written: the preview shows the
 * problems, and the next build is compared with the last one written.
 */
import { mkdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Inspection, Organisation } from "../model/types.ts";
import { minifyHtml } from "../publishing/minify-html.ts";
import { everyOrganisationPage, sitePages, type SitePage } from "../render/site-pages.ts";
import { embedUrl, inspectionUrl, organisationFeedUrl, organisationUrl } from "../render/urls.ts";
import type { Site } from "../site.ts";
import { siteChange } from "./site-change.ts";
import type { EleventyConfig } from "./types.ts";

export interface SitePagesPluginOptions {
  /** The Site of the build that is running (current-site.ts). */
  site: () => Site;
  /** The build draws share images: pages name them. */
  images: boolean;
  /** Where to leave the addresses of the pages on disk, for the sitemap (publishing-plugin.ts). */
  list?: ModelPageList;
}

/**
 * The addresses of the model's pages on disk after the last build, each with whether it
 * is kept out of the sitemap: the sitemap is made from it (publishing-plugin.ts) without
 * listing the pages again. `changed` says whether a page was added or removed since the
 * build before.
 */
export interface ModelPageList {
  pages?: ReadonlyMap<string, boolean>;
  changed: boolean;
}

export function modelPageList(): ModelPageList {
  return { changed: true };
}

/** The pages of a Site, as the build writes them; with `only`, those the preview may write after an edit (src/render/site-pages.ts). */
export function pagesOf(site: Site, images: boolean, only?: ReadonlySet<string>): SitePage[] {
  return sitePages(
    {
      model: site.model,
      settings: site.settings,
      inspectionFilters: site.inspectionFilters,
      listingPages: site.listingPages,
      directory: site.directory,
      asAt: site.national.asAt,
      images,
      shared: site.sharing.shared,
    },
    only,
  );
}

/** The file a page's address is written to, under `output`. */
export function fileOf(output: string, url: string): string {
  return join(output, url.endsWith("/") ? `${url}index.html` : url);
}

type Transform = (this: { page: { url: string } }, content: string, base?: string, pageUrl?: string) => Promise<string>;

function sameAsOnDisk(file: string, markup: string): boolean {
  try {
    return readFileSync(file, "utf8") === markup;
  } catch {
    return false;
  }
}

/** Writes `pages` under `output`; with a path prefix, each HTML page's links are given it first. */
export async function writePages(
  pages: Iterable<SitePage>,
  output: string,
  withBase: Transform | undefined,
  skipSame = false,
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
    if (file.endsWith(".html")) markup = minifyHtml(markup);
    // The preview leaves a page whose markup is what is on disk: reading it is quicker than writing it.
    if (skipSame && sameAsOnDisk(file, markup)) continue;
    writeFileSync(file, markup);
    written++;
  }
  return written;
}

/** What the preview wrote last: the Site, every page's address, and each shared page's key. */
interface Written {
  site: Site;
  /** Every page's address, and whether it is kept out of the sitemap. */
  urls: Map<string, boolean>;
  keys: Map<string, string>;
}

/** Deletes the file of a page gone from the site, and its folder if that is left empty. */
function removePage(output: string, url: string): void {
  const file = fileOf(output, url);
  try {
    unlinkSync(file);
    if (url.endsWith("/")) rmdirSync(dirname(file));
  } catch {
    // Not there, or the folder holds more: nothing else to do.
  }
}

/** The addresses of an organisation's own pages. */
function ownPages(organisations: readonly Organisation[], inspections: readonly Inspection[]): string[] {
  return [
    ...inspections.flatMap((inspection) => [inspectionUrl(inspection), embedUrl(inspection)]),
    ...organisations.flatMap((organisation) => [organisationUrl(organisation), organisationFeedUrl(organisation)]),
  ];
}

/**
 * After an edit: the pages to write (the own pages of the organisations it touched, and the
 * shared pages that show one of them or whose key changed), and the addresses of pages
 * gone. Everything, when the edit reached every page.
 */
function previewPlan(site: Site, images: boolean, last: Written | undefined) {
  const change = siteChange(last?.site, site);
  const all = change.all || everyOrganisationPage(last!.site) !== everyOrganisationPage(site);
  const pages = pagesOf(site, images, all ? undefined : change.organisations);
  const keys = new Map(pages.flatMap((page) => (page.shared ? [[page.url, page.shared.key()] as const] : [])));
  // Many pages show the same list of organisations (a group's pages): each list is looked through once.
  const shows = new Map<readonly Organisation[], boolean>();
  const showsTouched = (organisations: readonly Organisation[]): boolean => {
    let touched = shows.get(organisations);
    if (touched === undefined)
      shows.set(
        organisations,
        (touched = organisations.some((organisation) => change.organisations.has(organisation.id))),
      );
    return touched;
  };
  const write = all
    ? pages
    : pages.filter(
        (page) =>
          !page.shared || last!.keys.get(page.url) !== keys.get(page.url) || showsTouched(page.shared.organisations),
      );
  const urls = all ? new Map(pages.map((page) => [page.url, page.noindex])) : last!.urls;
  const size = urls.size;
  const gone = (
    all
      ? [...(last?.urls.keys() ?? [])].filter((url) => !urls.has(url))
      : [
          ...[...last!.keys.keys()].filter((url) => !keys.has(url)),
          ...ownPages(change.removedOrganisations, change.removed),
        ]
  ).filter((url) => all || !write.some((page) => page.url === url));
  for (const url of gone) urls.delete(url);
  for (const page of write) urls.set(page.url, page.noindex);
  const changed = !last || gone.length > 0 || urls.size !== size || all;
  return { write, gone, written: { site, urls, keys } satisfies Written, changed, all };
}

export default function sitePagesPlugin(eleventyConfig: EleventyConfig, options: SitePagesPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("sitePagesPlugin needs the `site` option (current-site.ts).");
  let last: Written | undefined;
  // Eleventy's own pages (the home page, the national pictures, search, 404...) are minified
  // as they are finished, as the model's pages are in writePages (src/publishing/minify-html.ts).
  eleventyConfig.addTransform("minify-html", function (content) {
    const path = this.outputPath;
    return typeof content === "string" && typeof path === "string" && path.endsWith(".html")
      ? minifyHtml(content)
      : content;
  });
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (!directories) throw new Error("Eleventy did not say where it wrote the site; its pages cannot be written.");
    const site = options.site();
    const preview = runMode === "serve" || runMode === "watch";
    if (preview && site.problems.length > 0) return;
    const started = performance.now();
    const withBase =
      site.settings.pathPrefix === "/" ? undefined : (eleventyConfig.getFilter("transformWithHtmlBase") as Transform);
    let written: number;
    let pages: Map<string, boolean>;
    let changed = true;
    let considered = 0;
    if (preview) {
      const plan = previewPlan(site, options.images, last);
      considered = plan.write.length;
      written = await writePages(plan.write, directories.output, withBase, !plan.all);
      for (const url of plan.gone) removePage(directories.output, url);
      last = plan.written;
      pages = plan.written.urls;
      changed = plan.changed;
    } else {
      const all = pagesOf(site, options.images);
      written = await writePages(all, directories.output, withBase);
      pages = new Map(all.map((page) => [page.url, page.noindex]));
    }
    if (options.list) Object.assign(options.list, { pages, changed });
    const total = pages.size;
    // Printed even when the build is quiet, as Eleventy prints its own count of files.
    const looked = considered > written ? `${considered.toLocaleString("en-GB")} made again, ` : "";
    const others =
      written < total ? ` (${looked}of ${total.toLocaleString("en-GB")}: the others are as they were)` : "";
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`Wrote ${written.toLocaleString("en-GB")} pages of the model${others} in ${seconds} s.`);
  });
}
