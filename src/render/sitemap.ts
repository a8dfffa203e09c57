/**
 * sitemap.xml: every page's absolute address, for search engines.
 * https://www.sitemaps.org/protocol.html
 */
import type { SiteSettings } from "../model/site-settings.ts";
import { escapeHtml, html } from "./html.ts";
import { absoluteUrl } from "./urls.ts";

/** What a page that asks not to be indexed carries in its <head> (src/render/page-shell.ts). */
export const NOINDEX = html`<meta name="robots" content="noindex">`;

/** The sitemap of these root-relative addresses, in address order. */
export function sitemapXml(paths: readonly string[], settings: Pick<SiteSettings, "url" | "pathPrefix">): string {
  const locations = [...new Set(paths)]
    .sort()
    .map((path) => `<url><loc>${escapeHtml(absoluteUrl(path, settings))}</loc></url>\n`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locations.join("")}</urlset>\n`;
}
