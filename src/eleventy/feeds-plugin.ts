/**
 * Atom feeds of new inspections: one for the site (layouts/feed.11ty.ts) and one per
 * organisation (layouts/organisation-feed.11ty.ts), written by src/render/feeds.ts. For
 * Nunjucks pages, the entries as filters and the "follow" link as a shortcode.
 */
import { feedEntries, feedUpdated, followOrganisation } from "../render/feeds.ts";
import type { EleventyConfig } from "./types.ts";

export default function feedsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("feedEntries", feedEntries);
  eleventyConfig.addFilter("feedUpdated", feedUpdated);
  eleventyConfig.addShortcode("followOrganisation", (...args: Parameters<typeof followOrganisation>) => followOrganisation(...args).toString());
}
