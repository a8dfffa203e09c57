/**
 * Every address on the site, in one place. URLs are lower case and built from file names
 * (ids), never from titles, so they stay put when a title changes. They are root-relative:
 * Eleventy's HtmlBasePlugin adds the site's path prefix to every link in the output.
 */
import { posix } from "node:path";
import type { SiteSettings } from "../model/site-settings.ts";
import type { Framework, Inspection, Organisation } from "../model/types.ts";

export const homeUrl = (): string => "/";
export const organisationsUrl = (): string => "/organisations/";
export const organisationUrl = (organisation: Pick<Organisation, "id">): string => `/organisations/${organisation.id}/`;
export const inspectionUrl = (inspection: Pick<Inspection, "slug" | "organisation">): string =>
  `/organisations/${inspection.organisation.id}/${inspection.slug}/`;
export const frameworksUrl = (): string => "/frameworks/";
export const frameworkUrl = (framework: Pick<Framework, "id">): string => `/frameworks/${framework.id}/`;
export const timelineUrl = (page = 1): string => (page <= 1 ? "/inspections/" : `/inspections/page-${page}/`);
export const gradesUrl = (): string => "/grades/";
export const filterUrl = (type: string, key: string, page = 1): string =>
  `/inspections/${type}/${key}/${page <= 1 ? "" : `page-${page}/`}`;
/** The Atom feed of an organisation's new inspections (layouts/organisation-feed.11ty.ts). */
export const organisationFeedUrl = (organisation: Pick<Organisation, "id">): string =>
  `/organisations/${organisation.id}/feed.xml`;

let lastSiteUrl: string | undefined;
let lastOrigin = "";

/**
 * The full address of a root-relative one, for canonical links, feeds and the sitemap: the
 * origin of the site's address, the path prefix, then the path, as Eleventy's
 * `htmlBaseUrl` filter gives it with the site's address as the base (held to it by
 * test/render/page-shell.test.ts), without a `new URL` for every page (docs/performance.md).
 *
 * @example absoluteUrl("/organisations/", { url: "https://example.org", pathPrefix: "/explainers/" })
 *   === "https://example.org/explainers/organisations/"
 */
export function absoluteUrl(path: string, site: Pick<SiteSettings, "url" | "pathPrefix">): string {
  if (site.url !== lastSiteUrl) {
    lastOrigin = new URL(site.url).origin;
    lastSiteUrl = site.url;
  }
  return lastOrigin + posix.join(site.pathPrefix || "/", path);
}
