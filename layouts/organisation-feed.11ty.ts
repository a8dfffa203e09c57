/** An Atom feed of each organisation's new inspections (src/render/feeds.ts). */
import type { PageData } from "../src/eleventy/types.ts";
import type { SiteModel } from "../src/model/build-model.ts";
import type { Organisation } from "../src/model/types.ts";
import { atomFeed, feedEntries, feedUpdated } from "../src/render/feeds.ts";
import { organisationFeedUrl, organisationUrl } from "../src/render/urls.ts";

export const data = {
  pagination: { data: "model.organisations", size: 1, alias: "organisation" },
  permalink: (data: { organisation: Organisation }): string => organisationFeedUrl(data.organisation),
  eleventyExcludeFromCollections: true,
};

export function render(data: PageData & { model: SiteModel; organisation: Organisation }): string {
  const { organisation } = data;
  const entries = feedEntries(organisation.inspections);
  return atomFeed({
    site: data.site,
    title: `${organisation.name}: new inspections`,
    path: organisationFeedUrl(organisation),
    alternatePath: organisationUrl(organisation),
    updated: feedUpdated(entries, data.model.inspections),
    entries,
  });
}
