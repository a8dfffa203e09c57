/**
 * Where a new file's page will appear, from the same URL helpers the site uses, on the
 * published site (site.yaml's `url` and `pathPrefix`) and in the live preview.
 */
import type { SiteSettings } from "../model/site-settings.ts";
import type { Inspection } from "../model/types.ts";
import { inspectionUrl, organisationUrl } from "../render/urls.ts";

/** `npm start`'s address unless port 8080 is taken (Eleventy's default). */
export const PREVIEW_ORIGIN = "http://localhost:8080";

export interface PageAddresses {
  published: string;
  preview: string;
}

function addresses(settings: Pick<SiteSettings, "url" | "pathPrefix">, path: string): PageAddresses {
  const prefixed = `${settings.pathPrefix.replace(/\/$/, "")}${path}`;
  return { published: `${settings.url}${prefixed}`, preview: `${PREVIEW_ORIGIN}${prefixed}` };
}

export function inspectionAddresses(
  settings: Pick<SiteSettings, "url" | "pathPrefix">,
  organisation: string,
  slug: string,
): PageAddresses {
  // inspectionUrl reads only the organisation's id and the slug.
  return addresses(
    settings,
    inspectionUrl({ slug, organisation: { id: organisation } } as Pick<Inspection, "slug" | "organisation">),
  );
}

export function organisationAddresses(
  settings: Pick<SiteSettings, "url" | "pathPrefix">,
  organisation: string,
): PageAddresses {
  return addresses(settings, organisationUrl({ id: organisation }));
}
