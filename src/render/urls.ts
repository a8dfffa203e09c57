/**
 * Every address on the site, in one place. URLs are lower case and built from file names
 * (ids), never from titles, so they stay put when a title changes. They are root-relative:
 * Eleventy's HtmlBasePlugin adds the site's path prefix to every link in the output.
 * Components, the page shell and the TypeScript layouts call these; the Nunjucks pages
 * have them as functions and filters (src/eleventy/components-plugin.ts).
 */
import { posix } from "node:path";
import type { SiteSettings } from "../model/site-settings.ts";
import type { Framework, Inspection, Organisation } from "../model/types.ts";

export const homeUrl = (): string => "/";
export const organisationsUrl = (): string => "/organisations/";
const paged = (base: string, page: number): string => (page > 1 ? `${base}page-${page}/` : base);
/** The organisations by first letter, by region and by kind (src/render/directory.ts); a group's page number. */
export const letterUrl = (key: string, page = 1): string => paged(`/a-to-z/${key}/`, page);
export const regionUrl = (key: string, page = 1): string => paged(`/regions/${key}/`, page);
export const kindUrl = (key: string, page = 1): string => paged(`/types/${key}/`, page);
/** The national picture of one region's or one kind's organisations, as at the latest report. */
export const nationalRegionUrl = (key: string): string => `/national/regions/${key}/`;
export const nationalKindUrl = (key: string): string => `/national/types/${key}/`;
export const organisationUrl = (organisation: Pick<Organisation, "id">): string => `/organisations/${organisation.id}/`;
export const inspectionUrl = (
  inspection: Pick<Inspection, "slug"> & { organisation: Pick<Organisation, "id"> },
): string => `/organisations/${inspection.organisation.id}/${inspection.slug}/`;
export const frameworksUrl = (): string => "/frameworks/";
export const frameworkUrl = (framework: Pick<Framework, "id">): string => `/frameworks/${framework.id}/`;
export const timelineUrl = (): string => "/inspections/";
export const gradesUrl = (): string => "/grades/";
export const nationalUrl = (): string => "/national/";
/** The national picture as at one day, YYYY-MM-DD. */
export const nationalDateUrl = (day: string): string => `/national/${day}/`;
/** How the national picture changed across the days it is drawn as at. */
export const nationalChangesUrl = (): string => "/national/changes/";
export const searchUrl = (): string => "/search/";
export const notFoundUrl = (): string => "/404.html";
export const filterUrl = (type: string, key: string): string => `/inspections/${type}/${key}/`;
/** A list of inspections (src/render/listings.ts): every inspection (`all`) or a filter's; a year's page, and its page number. */
export const listUrl = (type: string, key: string, year?: number, page = 1): string =>
  `${type === "all" ? timelineUrl() : filterUrl(type, key)}${year === undefined ? "" : `${year}/`}${page > 1 ? `page-${page}/` : ""}`;
/** The Atom feed of the site's new inspections (a page of src/render/site-wide-pages.ts). */
export const feedUrl = (): string => "/feed.xml";
/** The Atom feed of an organisation's new inspections (src/render/site-pages.ts). */
export const organisationFeedUrl = (organisation: Pick<Organisation, "id">): string =>
  `/organisations/${organisation.id}/feed.xml`;

export const stylesheetUrl = (): string => "/assets/site.css";
/** The search box's script (layouts/assets/search.js); it loads Pagefind's index from /pagefind/. */
export const searchScriptUrl = (): string => "/assets/search.js";
/** Printing: the day it was printed, and links' full addresses (layouts/assets/print.js). */
export const printScriptUrl = (): string => "/assets/print.js";
export const sitemapUrl = (part?: number): string => (part ? `/sitemap-${part}.xml` : "/sitemap.xml");
export const robotsUrl = (): string => "/robots.txt";
/** HTTP headers for hosts that read them (src/render/security-headers.ts). */
export const headersUrl = (): string => "/_headers";

/** The content manager (Decap CMS), when site.yaml sets `cms` (src/eleventy/cms-plugin.ts). */
export const adminUrl = (): string => "/admin/";
/** Where what an editor uploads through the content manager is published (its `public_folder`). */
export const mediaUrl = (): string => "/assets/media/";
/** `npm start`'s origin unless port 8080 is taken (Eleventy's default), where `npm run new` and the editors' tools point. */
export const previewOrigin = (): string => "http://localhost:8080";

/** Where the embed pages are: the one part of the site other sites may frame (security-headers.ts). */
export const embedRootUrl = (): string => "/embed/";
/** The comparison on a page of its own, to be framed by other sites: the explainer's organisation and inspection under /embed/. */
export const embedUrl = (inspection: Pick<Inspection, "slug" | "organisation">): string =>
  `${embedRootUrl()}${inspection.organisation.id}/${inspection.slug}/`;
/** The embed pages' stylesheet (src/render/stylesheets.ts). */
export const embedStylesheetUrl = (): string => "/assets/embed.css";
/** An inspection's share image (Open Graph, Twitter), beside its explainer. */
export const shareImageUrl = (inspection: Pick<Inspection, "slug" | "organisation">): string =>
  `${inspectionUrl(inspection)}share.png`;
/** The comparison chart as a file (`svg`, `png`) and its data (`csv`), beside the explainer. */
export const comparisonFileUrl = (
  inspection: Pick<Inspection, "slug" | "organisation">,
  format: "svg" | "png" | "csv",
): string => `${inspectionUrl(inspection)}comparison.${format}`;
/** The share image of every page that is not an explainer. */
export const siteImageUrl = (): string => "/assets/share.png";
/** The site's icon: the drawing (SVG), or drawn at a size in pixels (PNG). */
export const iconUrl = (size?: number): string => (size ? `/assets/icon-${size}.png` : "/assets/icon.svg");
export const manifestUrl = (): string => "/manifest.webmanifest";
/** The search index Pagefind writes after the build (src/search-index.ts). */
export const searchIndexUrl = (): string => "/pagefind/";

/** The open data page, and the files it describes (written by `openDataFiles` in src/render/open-data-files.ts). */
export const openDataUrl = (): string => "/data/";
export type OpenDataTable = "inspections" | "judgements";
/** A part of a large table (src/model/open-data-parts.ts): `/data/judgements/2019.csv`. */
export const openDataPartUrl = (table: OpenDataTable, part: string, format: "csv" | "json"): string =>
  `/data/${table}/${part}.${format}`;
/** The whole of a large table as one gzip-compressed CSV. */
export const openDataBulkUrl = (table: OpenDataTable): string => `/data/${table}.csv.gz`;
/** The list of the large tables' parts. */
export const openDataPartsUrl = (): string => "/data/parts.json";
export const openDataJsonUrl = (table: "organisations"): string => `/data/${table}.json`;
export const organisationDataUrl = (organisation: Pick<Organisation, "id">): string =>
  `/data/organisations/${organisation.id}.json`;
/** The national picture as at a day (YYYY-MM-DD), or the latest, as JSON. */
export const nationalDataUrl = (day: string | "latest"): string => `/data/national/${day}.json`;
/** Every national picture's distributions, one row per date, area and rating, as CSV. */
export const nationalCsvUrl = (): string => "/data/national.csv";
/** The JSON Schema of an open data file (by its schema's name) or, with `content`, of a kind of content file. */
export const dataSchemaUrl = (name: string, of: "data" | "content" = "data"): string =>
  `/data/schema/${of === "content" ? "content/" : ""}${name}.schema.json`;

/**
 * The full address of a root-relative one, for canonical links, feeds and the sitemap: the
 * origin of the site's address, the path prefix, then the path, as Eleventy's
 * `htmlBaseUrl` filter gives it with the site's address as the base (held to it by
 * test/render/page-shell.test.ts), without the filter's work per page (docs/performance.md).
 *
 * @example absoluteUrl("/organisations/", { url: "https://example.org", pathPrefix: "/explainers/" })
 *   === "https://example.org/explainers/organisations/"
 */
export function absoluteUrl(path: string, site: Pick<SiteSettings, "url" | "pathPrefix">): string {
  return new URL(site.url).origin + posix.join(site.pathPrefix || "/", path);
}
