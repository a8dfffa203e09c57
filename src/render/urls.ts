/**
 * Every address on the site, in one place. URLs are lower case and built from file names
 * (ids), never from titles, so they stay put when a title changes. They are root-relative:
 * Eleventy's HtmlBasePlugin adds the site's path prefix to every link in the output.
 */
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
export const organisationFeedUrl = (organisation: Pick<Organisation, "id">): string => `/organisations/${organisation.id}/feed.xml`;
