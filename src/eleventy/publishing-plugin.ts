/**
 * What hosts and search engines read beside the pages: the `_headers` file with the
 * Content-Security-Policy and sitemap.xml. JSON-LD, where a schema.org type fits, is
 * placed by the page shell (src/render/structured-data.ts); robots.txt and the 404 page
 * are plain templates in layouts/. docs/publishing.md.
 *
 * Both are written after the build. The sitemap from the pages Eleventy wrote, not from a
 * template over `collections.all`: a collection holds only the first page of a paginated
 * template, and every explainer and organisation page is one. `_headers` from the files
 * and folders at the top of the output, as it gives each of them a rule of its own
 * (src/render/security-headers.ts says why).
 * https://www.11ty.dev/docs/events/#eleventy.after
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { adminPolicyFor } from "../editors/admin-files.ts";
import { headerRules, headersFile } from "../render/security-headers.ts";
import { headersUrl, searchIndexUrl } from "../render/urls.ts";
import { NOINDEX, sitemapFiles } from "../render/sitemap.ts";
import type { Site } from "../site.ts";
import { pagesOf, type ModelPageList } from "./site-pages-plugin.ts";
import type { EleventyConfig, WrittenPage } from "./types.ts";

export interface PublishingPluginOptions {
  /** The Site of the build that is running (current-site.ts). */
  site: () => Site;
  /** The model's pages on disk, as site-pages-plugin.ts leaves them; without it, they are listed again. */
  modelPages?: ModelPageList;
}

/** The addresses of the pages that may be indexed: HTML pages Eleventy wrote, less those marked `noindex`. */
export function indexablePages(pages: readonly WrittenPage[], noindex: ReadonlySet<string>): string[] {
  return pages.flatMap(({ url, outputPath }) =>
    url && outputPath && outputPath.endsWith(".html") && !noindex.has(url) ? [url] : [],
  );
}

/**
 * The files and folders at the top of the output (folders end with "/"), and the search
 * index written after it: `pagefind*`, one rule for `pagefind/` and, on a large site, the
 * parts beside it (`pagefind-2/`..., src/search-index.ts).
 */
export function topLevelEntries(output: string): string[] {
  const search = searchIndexUrl().slice(1, -1);
  const entries = readdirSync(output, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith(search))
    .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name));
  return [...entries, `${search}*`];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export default function publishingPlugin(eleventyConfig: EleventyConfig, options: PublishingPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("publishingPlugin needs the `site` option (current-site.ts).");
  // Which pages ask not to be indexed is read from each page as it is finished.
  const noindex = new Set<string>();
  const mark = NOINDEX.toString();
  // Eleventy's own pages in the last sitemap written.
  let sitemapOf: string[] | undefined;
  eleventyConfig.on("eleventy.before", () => noindex.clear());
  eleventyConfig.addTransform("sitemap-noindex", function (content) {
    const url = this.page?.url;
    // The mark is in <head>: no need to search the whole page.
    if (
      typeof content === "string" &&
      typeof url === "string" &&
      content.lastIndexOf(mark, content.indexOf("</head>")) !== -1
    )
      noindex.add(url);
    return content;
  });
  eleventyConfig.on("eleventy.after", ({ directories, results, incremental }) => {
    // A rebuild in `npm start` reports only the pages it rewrote; the full sitemap stays.
    if (!directories || !results || incremental) return;
    const site = options.site();
    const { settings } = site;
    // Eleventy's pages, and the model's, which the build writes itself (site-pages-plugin.ts).
    const own = indexablePages(results, noindex);
    const listed = options.modelPages?.pages;
    // In the preview, the sitemap is made again only when a page was added or removed.
    const same = sitemapOf !== undefined && options.modelPages?.changed === false && sameList(own, sitemapOf);
    if (!same) {
      const model = listed
        ? [...listed].flatMap(([url, hidden]) => (hidden ? [] : [url]))
        : pagesOf(site, false).flatMap((page) => (page.noindex ? [] : [page.url]));
      for (const [url, text] of sitemapFiles([...own, ...model], settings))
        writeFileSync(join(directories.output, url), text);
      sitemapOf = own;
    }
    writeFileSync(
      join(directories.output, headersUrl()),
      headersFile(
        headerRules(
          settings.pathPrefix,
          topLevelEntries(directories.output),
          // The content manager's own policy, when there is one (cms-plugin.ts).
          settings.cms && adminPolicyFor(settings.cms),
        ),
      ),
    );
  });
}
