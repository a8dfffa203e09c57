/**
 * For a site owner's own pages (Markdown or Nunjucks files in layouts/, docs/publishing.md):
 * the render components as Nunjucks shortcodes
 * (`{% verdict inspection %}`) and the URL helpers as filters (`inspection | inspectionUrl`)
 * and functions (`homeUrl()`).
 * Components escape their own output, so layouts place them without `| safe`.
 * Nunjucks only: the TypeScript templates import the functions, and Eleventy hands every
 * universal shortcode and filter to every JavaScript template render (docs/performance.md).
 * https://www.11ty.dev/docs/shortcodes/
 */
import type { SafeHtml } from "../render/html.ts";
import { frameworkDetail, frameworkList, scaleTable } from "../render/framework.ts";
import {
  comparisonSection,
  figuresList,
  improvementsList,
  inspectionFacts,
  judgementsTable,
  neighbours,
  quotesList,
  sourceBlock,
  verdict,
} from "../render/inspection.ts";
import { homeOrganisations, inspectionsByYear, organisationList } from "../render/lists.ts";
import { filterNav } from "../render/listings.ts";
import { nationalDatesNav, nationalGlimpse, nationalPictureSection } from "../render/national.ts";
import { nationalChanges } from "../render/national-changes.ts";
import { formatDay } from "../model/dates.ts";
import { openDataPage } from "../render/open-data.ts";
import { createMarkdown, markdownFor, renderMarkdown } from "../render/markdown.ts";
import { timeline, timelineExcerpt, trajectorySection } from "../render/timeline.ts";
import * as urls from "../render/urls.ts";
import { verdictSentence } from "../model/sentence.ts";
import type { EleventyConfig } from "./types.ts";

export interface ComponentsPluginOptions {
  allowHtmlInMarkdown: boolean;
}

type Component = (...args: never[]) => SafeHtml;

const COMPONENTS: Record<string, Component> = {
  comparisonSection,
  figuresList,
  filterNav,
  frameworkDetail,
  frameworkList,
  homeOrganisations,
  improvementsList,
  inspectionFacts,
  inspectionsByYear,
  judgementsTable,
  nationalChanges,
  nationalDatesNav,
  nationalGlimpse,
  nationalPictureSection,
  neighbours,
  openDataPage,
  organisationList,
  quotesList,
  scaleTable,
  sourceBlock,
  timeline,
  timelineExcerpt,
  trajectorySection,
  verdict,
};

export default function componentsPlugin(eleventyConfig: EleventyConfig, options: ComponentsPluginOptions): void {
  const md = markdownFor({ allowHtmlInMarkdown: options.allowHtmlInMarkdown });
  // A site owner's Markdown pages: the content's Markdown, with its headings as written (the
  // page's own h1) and HTML, as the owner's Nunjucks pages have, so that components can be placed.
  eleventyConfig.setLibrary("md", createMarkdown({ allowHtml: true, demoteHeadings: false }));
  for (const [name, component] of Object.entries(COMPONENTS)) {
    eleventyConfig.addNunjucksShortcode(name, (...args: never[]) => component(...args).toString());
  }
  eleventyConfig.addNunjucksShortcode("markdown", (source: string) => renderMarkdown(source, md).toString());
  eleventyConfig.addNunjucksFilter("verdictSentence", verdictSentence);
  eleventyConfig.addNunjucksFilter("formatDay", formatDay);
  // Addresses as filters (`framework | frameworkUrl`) and as functions (`frameworksUrl()`).
  for (const [name, url] of Object.entries(urls)) {
    eleventyConfig.addNunjucksFilter(name, url as (...args: never[]) => string);
    eleventyConfig.addNunjucksGlobal(name, url);
  }
}
