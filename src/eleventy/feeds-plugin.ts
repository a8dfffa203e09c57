/**
 * Atom feeds of new inspections: one for the site (layouts/feed.njk) and one per
 * organisation (layouts/organisation-feed.njk), written from the same entries
 * (src/render/feeds.ts). Eleventy's RSS plugin gives the templates `dateToRfc3339`; the HTML
 * base plugin's `htmlBaseUrl` makes links absolute with the site's address and path prefix.
 * https://www.11ty.dev/docs/plugins/rss/
 */
import rssPlugin from "@11ty/eleventy-plugin-rss";
import { feedEntries, feedUpdated, followOrganisation } from "../render/feeds.ts";
import type { EleventyConfig } from "./types.ts";

export default function feedsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addFilter("feedEntries", feedEntries);
  eleventyConfig.addFilter("feedUpdated", feedUpdated);
  eleventyConfig.addShortcode("followOrganisation", (...args: Parameters<typeof followOrganisation>) => followOrganisation(...args).toString());
}
