/**
 * sitemap.xml: every page's absolute address, for search engines.
 * https://www.sitemaps.org/protocol.html
 */
import type { SiteSettings } from "../model/site-settings.ts";
import { escapeHtml, html } from "./html.ts";
import { absoluteUrl, sitemapUrl } from "./urls.ts";

/** What a page that asks not to be indexed carries in its <head> (src/render/page-shell.ts). */
export const NOINDEX = html`<meta name="robots" content="noindex">`;

/** The sitemap of these root-relative addresses, in address order. */
export function sitemapXml(paths: readonly string[], settings: Pick<SiteSettings, "url" | "pathPrefix">): string {
  const locations = [...new Set(paths)]
    .sort()
    .map((path) => `<url><loc>${escapeHtml(absoluteUrl(path, settings))}</loc></url>\n`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locations.join("")}</urlset>\n`;
}

/**
 * Addresses in one sitemap file. The protocol allows 50,000; a thousand keeps each file
 * near 100 KB, within the 200 KB every file of the site keeps to.
 */
export const SITEMAP_LIMIT = 1_000;

/**
 * The sitemap files, by root-relative address: one sitemap.xml while the site has at most
 * `limit` pages; past that, sitemap.xml is an index of sitemap-1.xml, sitemap-2.xml...
 */
export function sitemapFiles(
  paths: readonly string[],
  settings: Pick<SiteSettings, "url" | "pathPrefix">,
  limit = SITEMAP_LIMIT,
): Map<string, string> {
  const sorted = [...new Set(paths)].sort();
  if (sorted.length <= limit) return new Map([[sitemapUrl(), sitemapXml(sorted, settings)]]);
  const files = new Map<string, string>();
  const parts: string[] = [];
  for (let start = 0; start < sorted.length; start += limit) {
    const url = sitemapUrl(parts.length + 1);
    parts.push(url);
    files.set(url, sitemapXml(sorted.slice(start, start + limit), settings));
  }
  const entries = parts.map((url) => `<sitemap><loc>${escapeHtml(absoluteUrl(url, settings))}</loc></sitemap>\n`);
  files.set(
    sitemapUrl(),
    `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("")}</sitemapindex>\n`,
  );
  return files;
}
