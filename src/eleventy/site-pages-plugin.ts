/**
 * The one writer of the pages the site generates (src/render/site-pages.ts: explainers,
 * embed pages, organisation pages and feeds, the lists, the directory, and the pages of the
 * whole site), after Eleventy has written its own (a site owner's pages), one at a time,
 * each let go as soon as it is on disk; then sitemap.xml, from that same list and the
 * pages Eleventy wrote. Eleventy keeps every page it renders, with its data, until the
 * build ends: at 40,000 inspections (100,000 pages) that was 4 GB. Written here, a page
 * costs its own markup, briefly.
 *
 * Every link in them is root-relative, like Eleventy's pages; with a path prefix, each
 * page goes through the HTML base plugin's own transform (`transformWithHtmlBase`), so
 * these pages and Eleventy's get the same addresses.
 * https://www.11ty.dev/docs/plugins/html-base/
 *
 * In the preview (`npm start`), a build after an edit writes only the pages the edit
 * changed: those showing an organisation whose files changed (the Site's `change`,
 * src/site.ts), and those
 * whose other content (`shared.key`: a list's years and neighbours, a directory's groups)
 * is not what it was, and the few pages of the whole site, each made again and written
 * when it is not what is on disk; pages gone from the site are deleted. Anything that reaches every
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
import { sitemapFiles, NOINDEX } from "../render/sitemap.ts";
import { embedUrl, inspectionUrl, organisationFeedUrl, organisationUrl } from "../render/urls.ts";
import type { Site } from "../site.ts";
import type { EleventyConfig, WrittenPage } from "./types.ts";

export interface SitePagesPluginOptions {
  /** The Site of the build that is running (src/preview/current-site.ts). */
  site: () => Site;
  /** The build draws share images: pages name them. */
  images: boolean;
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
      national: site.national,
      nationalPictures: site.nationalPictures,
      openDataParts: site.openDataParts,
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

/**
 * What the preview wrote last: the read of its Site (its change's `at`), what reaches every
 * organisation's page, every page's address, and each shared page's key.
 */
interface Written {
  at: number;
  every: string;
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
  const { change } = site;
  const every = everyOrganisationPage(site);
  const all = !last || change.everything || change.since !== last.at || last.every !== every;
  const pages = pagesOf(site, images, all ? undefined : change.organisations);
  // The pages whose own content is not one organisation's, by their key (a site-wide page's is always made again).
  const keys = new Map(
    pages.flatMap((page) =>
      page.shared || page.siteWide ? [[page.url, page.shared ? page.shared.key() : ""] as const] : [],
    ),
  );
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
          ...ownPages(change.removed.organisations, change.removed.inspections),
        ]
  ).filter((url) => all || !write.some((page) => page.url === url));
  for (const url of gone) urls.delete(url);
  for (const page of write) urls.set(page.url, page.noindex);
  const changed = !last || gone.length > 0 || urls.size !== size || all;
  return { write, gone, written: { at: change.at, every, urls, keys } satisfies Written, changed, all };
}

/**
 * The addresses of Eleventy's own HTML pages (a site owner's pages, src/eleventy/README
 * in docs/architecture.md) that may be indexed: those without the `noindex` mark in their <head>.
 */
export function indexablePages(pages: readonly WrittenPage[]): string[] {
  const mark = NOINDEX.toString();
  return pages.flatMap(({ url, outputPath, content }) => {
    if (!url || !outputPath || !outputPath.endsWith(".html")) return [];
    const text = typeof content === "string" ? content : Buffer.from(content).toString("utf8");
    // The mark is in <head>: no need to search the whole page.
    return text.lastIndexOf(mark, text.indexOf("</head>")) === -1 ? [url] : [];
  });
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** sitemap.xml (and its parts) from every page written: the generated pages' list and Eleventy's own. */
function writeSitemap(output: string, pages: ReadonlyMap<string, boolean>, own: readonly string[], site: Site): void {
  const listed = [...pages].flatMap(([url, hidden]) => (hidden ? [] : [url]));
  for (const [url, text] of sitemapFiles([...own, ...listed], site.settings)) writeFileSync(join(output, url), text);
}

export default function sitePagesPlugin(eleventyConfig: EleventyConfig, options: SitePagesPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("sitePagesPlugin needs the `site` option (src/preview/current-site.ts).");
  let last: Written | undefined;
  // Eleventy's own pages (a site owner's About or Methodology page: layouts/) are minified
  // as they are finished, as the model's pages are in writePages (src/publishing/minify-html.ts).
  eleventyConfig.addTransform("minify-html", function (content) {
    const path = this.outputPath;
    return typeof content === "string" && typeof path === "string" && path.endsWith(".html")
      ? minifyHtml(content)
      : content;
  });
  // Eleventy's own indexable pages in the last sitemap written.
  let sitemapOf: string[] | undefined;
  eleventyConfig.on("eleventy.after", async ({ directories, runMode, results, incremental }) => {
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
    // A rebuild that reports only the pages Eleventy rewrote (`incremental`) keeps the last list of its own.
    const own = incremental && sitemapOf ? sitemapOf : indexablePages(results ?? []);
    // In the preview, the sitemap is made again only when a page was added or removed.
    if (changed || !sitemapOf || !sameList(own, sitemapOf)) writeSitemap(directories.output, pages, own, site);
    sitemapOf = own;
    const total = pages.size;
    // Printed even when the build is quiet, as Eleventy prints its own count of files.
    const looked = considered > written ? `${considered.toLocaleString("en-GB")} made again, ` : "";
    const others =
      written < total ? ` (${looked}of ${total.toLocaleString("en-GB")}: the others are as they were)` : "";
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`Wrote ${written.toLocaleString("en-GB")} pages of the model${others} in ${seconds} s.`);
  });
}
