/**
 * What a publisher sets for the whole site (site.yaml, read and checked by
 * src/content/site-settings.ts, which conforms to this type): what pages, feeds and the
 * open data say about the site, and where it is published.
 */
export interface SiteSettings {
  title: string;
  description: string;
  /** The site's address, without a trailing slash: https://example.org */
  url: string;
  /** Where under that address the site lives: "/" or "/explainers/". */
  pathPrefix: string;
  /** A language tag like en-GB. */
  language: string;
  publisher: string;
  licence: string;
  /** Editors may write raw HTML in Markdown; off unless the site trusts every editor. */
  allowHtmlInMarkdown: boolean;
}
