/**
 * What a publisher sets for the whole site (site.yaml, read and checked by
 * src/content/site-settings.ts, which conforms to this type): what pages, feeds and the
 * open data say about the site, where it is published, and where its content manager saves.
 */
import type { NationalDates } from "./national-dates.ts";

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
  /** Where the content manager at /admin/ saves; without it, the site has none. */
  cms?: CmsSettings;
  /** When the national picture is drawn, and which inspections count (src/model/national-dates.ts). */
  national: NationalDates;
  /** The static host the site is published to, whose limits the build checks (src/publishing/hosts.ts). */
  host?: HostId;
  /** Which inspections have a share image, an embed page and downloads of their own (src/model/sharing.ts); left out, a default for the site's size. */
  sharing?: SharingSetting;
  /**
   * The open data's form (src/render/open-data-files.ts): `whole`, every file; `compact`, the
   * large tables' parts as CSV alone and no file per organisation; `bulk`, each large table
   * whole as one compressed CSV alone; for a host with a size cap (docs/publishing.md,
   * "Fitting a site to its host"). Left out: whole.
   */
  openData?: OpenDataSetting;
  /**
   * The Atom feeds (src/render/feeds.ts): `all`, the site's and one for each organisation;
   * `site`, the site's alone, for a host with a size cap (docs/publishing.md, "Fitting a
   * site to its host"). Left out: all.
   */
  feeds?: FeedsSetting;
}

/** `all`: the site's feed and one for each organisation; `site`: the site's alone. */
export type FeedsSetting = (typeof FEEDS_FORMS)[number];
/** From the most files to the fewest. */
export const FEEDS_FORMS = ["all", "site"] as const;

/**
 * `whole`: the tables' parts as CSV and JSON, and a JSON file per organisation; `compact`:
 * the parts as CSV alone, no file per organisation; `bulk`: no parts, each table whole as
 * one compressed CSV alone. Every row is published in each.
 */
export type OpenDataSetting = (typeof OPEN_DATA_FORMS)[number];
/** From the most files to the fewest: each leaves out more of the same rows' other forms. */
export const OPEN_DATA_FORMS = ["whole", "compact", "bulk"] as const;

/** `all`, `none`, or each organisation's latest inspection and those published in the last `recentYears` years. */
export type SharingSetting = "all" | "none" | { recentYears: number };

/** The static hosts whose limits the build knows (src/publishing/hosts.ts has the table). */
export const HOST_IDS = [
  "github-pages",
  "cloudflare-pages",
  "cloudflare-pages-paid",
  "netlify",
  "gitlab-pages",
  "s3",
] as const;
export type HostId = (typeof HOST_IDS)[number];

/** The git hosts whose Decap CMS backends support drafts and review (editorial workflow). */
export const CMS_BACKENDS = ["github", "gitlab", "bitbucket"] as const;

/** The repository the content manager (Decap CMS) saves to, and how editors sign in to it. */
export interface CmsSettings {
  backend: (typeof CMS_BACKENDS)[number];
  /** owner/name */
  repo: string;
  /** The branch the site is built from; drafts become pull requests to it. */
  branch: string;
  /** The host's API, for GitHub Enterprise or a self-hosted GitLab. */
  apiRoot?: string;
  /** The OAuth service that signs editors in, and the path of its sign-in. */
  baseUrl?: string;
  authEndpoint?: string;
  /** GitLab: the OAuth application's id, for sign-in without a server (PKCE). */
  appId?: string;
}
