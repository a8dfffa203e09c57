/**
 * Where a new file's page will appear, from the same URL helpers the site uses, on the
 * published site (site.yaml's `url` and `pathPrefix`) and in the live preview.
 */
import type { SiteSettings } from "../../model/site-settings.ts";
import { inspectionUrl, organisationUrl, previewOrigin } from "../../render/urls.ts";

export interface PageAddresses {
  published: string;
  preview: string;
}

function addresses(settings: Pick<SiteSettings, "url" | "pathPrefix">, path: string): PageAddresses {
  const prefixed = `${settings.pathPrefix.replace(/\/$/, "")}${path}`;
  return { published: `${settings.url}${prefixed}`, preview: `${previewOrigin()}${prefixed}` };
}

export function inspectionAddresses(
  settings: Pick<SiteSettings, "url" | "pathPrefix">,
  organisation: string,
  slug: string,
): PageAddresses {
  return addresses(settings, inspectionUrl({ slug, organisation: { id: organisation } }));
}

export function organisationAddresses(
  settings: Pick<SiteSettings, "url" | "pathPrefix">,
  organisation: string,
): PageAddresses {
  return addresses(settings, organisationUrl({ id: organisation }));
}
