/**
 * What hosts and search engines read beside the pages: the `_headers` file with the
 * Content-Security-Policy (layouts/headers.njk), JSON-LD where a schema.org type fits
 * (src/render/structured-data.ts), and sitemap.xml. robots.txt and the 404 page are plain
 * templates in layouts/. docs/publishing.md.
 *
 * The sitemap is written after the build from the pages Eleventy wrote, not from a
 * template over `collections.all`: a collection holds only the first page of a paginated
 * template, and every explainer and organisation page is one.
 * https://www.11ty.dev/docs/events/#eleventy.after
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSiteSettings } from "../content/site-settings.ts";
import { headersFile } from "../render/security-headers.ts";
import { NOINDEX, sitemapXml } from "../render/sitemap.ts";
import { organisationJsonLd } from "../render/structured-data.ts";
import type { EleventyConfig, WrittenPage } from "./types.ts";

export interface PublishingPluginOptions {
  /** The project folder, where site.yaml is. */
  root: string;
}

/** The addresses of the pages that may be indexed: HTML, and not marked `noindex`. */
export function indexablePages(pages: readonly WrittenPage[]): string[] {
  return pages.flatMap(({ url, outputPath, content }) => {
    if (!url || !outputPath || !outputPath.endsWith(".html")) return [];
    const noindex = typeof content === "string" ? content.includes(NOINDEX) : Buffer.from(content.buffer, content.byteOffset, content.byteLength).includes(NOINDEX);
    return noindex ? [] : [url];
  });
}

export default function publishingPlugin(eleventyConfig: EleventyConfig, options: PublishingPluginOptions): void {
  if (!options?.root) throw new Error("publishingPlugin needs the `root` option: the project folder, where site.yaml is.");
  eleventyConfig.addShortcode("securityHeaders", headersFile);
  eleventyConfig.addShortcode("organisationJsonLd", (...args: Parameters<typeof organisationJsonLd>) => organisationJsonLd(...args).toString());
  eleventyConfig.on("eleventy.after", ({ directories, results, incremental }) => {
    // A rebuild in `npm start` reports only the pages it rewrote; the full sitemap stays.
    if (!directories || !results || incremental) return;
    writeFileSync(join(directories.output, "sitemap.xml"), sitemapXml(indexablePages(results), loadSiteSettings(options.root)));
  });
}
