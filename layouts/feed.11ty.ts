/** The site's Atom feed of new inspections (src/render/feeds.ts). */
import type { PageData } from "../src/eleventy/types.ts";
import type { SiteModel } from "../src/model/build-model.ts";
import { atomFeed, feedEntries, feedUpdated } from "../src/render/feeds.ts";
import { feedUrl, timelineUrl } from "../src/render/urls.ts";

/** The newest inspections only: enough for a reader who looks in now and then. */
const FEED_SIZE = 100;

export const data = {
  permalink: feedUrl(),
  eleventyExcludeFromCollections: true,
};

export function render(data: PageData & { model: SiteModel }): string {
  const entries = feedEntries(data.model.inspections, FEED_SIZE);
  return atomFeed({
    site: data.site,
    title: `${data.site.title}: new inspections`,
    path: feedUrl(),
    alternatePath: timelineUrl(),
    updated: feedUpdated(entries, data.model.inspections),
    entries,
  });
}
