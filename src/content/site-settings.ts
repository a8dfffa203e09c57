/**
 * The site settings file (site.yaml): title, address, path prefix, language, publisher and
 * licence. Read and checked like any content file, so a typo gets the same clear message.
 *
 * Two settings can be overridden for one build without editing the file, for CI and tests:
 * EXPLAINERS_URL and EXPLAINERS_PATH_PREFIX (`npm run build -- --url ... --path-prefix ...`
 * sets them). docs/publishing.md.
 */
import { lstatSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DEFAULT_NATIONAL_DATES } from "../model/national-dates.ts";
import { CMS_BACKENDS, HOST_IDS, FEEDS_FORMS, OPEN_DATA_FORMS, type SiteSettings } from "../model/site-settings.ts";
import { isWithin, readContentBytes } from "./content-files.ts";
import { LIMITS } from "./limits.ts";
import { ContentError, type ContentProblem } from "./problems.ts";
import { readSource } from "./read-file.ts";
import { checkAgainstSchema } from "./schema-problems.ts";
import { isoDate, longText, text } from "./schema.ts";

const WEB_ADDRESS = "a web address starting with https:// or http://, like https://example.org";

/**
 * The site's address: http or https, a host, perhaps a path; no user name or password,
 * query or fragment (it is the start of every absolute link: canonical links, feeds,
 * sitemap.xml), and nothing that would need escaping wherever it is written.
 */
const siteUrl = z
  // `abort`: an address that is not one is told so once, not also for what it holds.
  .url({ protocol: /^https?$/, error: WEB_ADDRESS, abort: true })
  .max(LIMITS.url, `${WEB_ADDRESS}, of at most ${LIMITS.url.toLocaleString("en-GB")} characters`)
  .refine((url) => /^https?:\/\/[^\s"'<>`\\^{}|@?#]+$/.test(url), {
    error: `${WEB_ADDRESS}, with no user name, query (?) or fragment (#), and no spaces, quotes or angle brackets`,
  })
  .transform((url) => url.replace(/\/+$/, ""));

const cmsSettingsSchema = z
  .strictObject({
    backend: z.enum(CMS_BACKENDS).describe("Where the repository is: github, gitlab or bitbucket"),
    repo: z
      .string()
      .regex(/^[\w.-]+(\/[\w.-]+)+$/, "the repository as owner/name, like example/inspection-explainers")
      .describe("The repository, as owner/name"),
    branch: z.string().min(1).default("main").describe("The branch the site is built from; drafts become pull requests to it"),
    apiRoot: z
      .url({ protocol: /^https$/ })
      .optional()
      .describe("The host's API, for GitHub Enterprise or a self-hosted GitLab; leave out for github.com, gitlab.com, bitbucket.org"),
    baseUrl: z
      .url({ protocol: /^https$/ })
      .optional()
      .describe("The OAuth service that signs editors in (for GitHub, one you run, or Netlify's: https://api.netlify.com)"),
    authEndpoint: z.string().min(1).optional().describe("The path of the sign-in on baseUrl, like 'auth'"),
    appId: z.string().min(1).optional().describe("GitLab: the OAuth application's id, for sign-in without a server (PKCE)"),
  })
  .describe("The content manager at /admin/ (docs/editing.md): where it saves. Leave out to publish no /admin/.");

/** Which inspections have a share image, an embed page and downloads of their own (src/model/sharing.ts). */
const sharingSchema = z
  .union([
    z.enum(["all", "none"]),
    z.strictObject({
      recentYears: z
        .number()
        .int("a whole number of years")
        .min(0, "0 or more years")
        .max(100, "at most 100 years")
        .describe("Each organisation's latest inspection, and every inspection published in this many years up to the latest report on the site"),
    }),
  ])
  .describe("Which inspections get a share image, an embed page and the chart's downloads: all, none, or { recentYears: N } (each organisation's latest and the last N years). Left out: all up to 2,000 inspections, else { recentYears: 2 } (docs/publishing.md)");

/** The open data's form (src/render/open-data-files.ts). */
const openDataSchema = z
  .enum(OPEN_DATA_FORMS)
  .describe("The open data: 'whole' (the tables' parts as CSV and JSON, and a JSON file per organisation) , 'compact' (the parts as CSV alone, each table whole as .csv.gz, and no file per organisation) or 'bulk' (each table whole as .csv.gz alone, no parts), for a host with a size cap. Left out: whole; fitting a host may choose compact (docs/publishing.md)");

/** Which feeds are published (src/render/feeds.ts). */
const feedsSchema = z
  .enum(FEEDS_FORMS)
  .describe("The Atom feeds: 'all' (the site's, and one for each organisation) or 'site' (the site's alone: no file per organisation, for a host with a size cap). Left out: all; fitting a host may choose site (docs/publishing.md)");

export const siteSettingsSchema = z.strictObject({
  title: text.describe("The site's name: every page's title, the header, the feeds"),
  description: longText.describe("One sentence about the site, for the home page"),
  url: siteUrl.describe("The address the site is published at, without the path prefix, like https://example.org"),
  pathPrefix: z
    .string()
    // Each part holds a letter or digit: '..' or '.' would climb out of the site.
    .regex(/^\/([a-z0-9._~-]*[a-z0-9][a-z0-9._~-]*\/)*$/, "a path that starts and ends with '/', like / or /explainers/")
    .max(LIMITS.shortText, `a path of at most ${LIMITS.shortText} characters`)
    .default("/")
    .describe("The path the site lives under, starting and ending with '/': / or /explainers/"),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "a language tag like en-GB")
    .default("en-GB")
    .describe("The pages' language tag, like en-GB"),
  publisher: text.describe("Who publishes the site: shown in every footer, and the feeds' author"),
  licence: longText.describe("The licence and attribution text: every footer, the feeds and the open data"),
  allowHtmlInMarkdown: z
    .boolean()
    .default(false)
    .describe("Let editors write raw HTML inside Markdown. Leave false unless you trust every editor."),
  cms: cmsSettingsSchema.optional(),
  national: z
    .strictObject({
      yearly: z
        .union([z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "a day of the year written MM-DD, like 03-31"), z.literal(false)])
        .default(DEFAULT_NATIONAL_DATES.yearly!)
        .transform((day) => (day === false ? null : day))
        .describe("A day of every year the content spans to draw the national picture as at, MM-DD (03-31, when official statistics are published as at); false for none"),
      latest: z.boolean().default(true).describe("Also draw it as at the latest publication date in the content"),
      dates: z.array(isoDate).default([]).describe("Any other days to draw it as at, YYYY-MM-DD"),
      countBy: z
        .enum(["publication", "visit-end"])
        .default("publication")
        .describe("Which inspections count on a day: 'publication' (once the report is published) or 'visit-end' (once the visit ended, as official statistics count)"),
    })
    .default({ yearly: DEFAULT_NATIONAL_DATES.yearly!, latest: true, dates: [], countBy: "publication" })
    .describe("When the national picture is drawn, and which inspections count (docs/publishing.md)"),
  host: z
    .enum(HOST_IDS)
    .optional()
    .describe("The static host the site is published to: the build checks the output against its limits and stops before replacing the site when it does not fit (docs/publishing.md)"),
  sharing: sharingSchema.optional(),
  openData: openDataSchema.optional(),
  feeds: feedsSchema.optional(),
});


/** The environment variables that override a setting, and what a right value looks like. */
export const SETTING_OVERRIDES = {
  url: { variable: "EXPLAINERS_URL", expected: "a web address starting with https:// or http://, like https://example.org" },
  pathPrefix: { variable: "EXPLAINERS_PATH_PREFIX", expected: "a lower-case path like / or /explainers/" },
  host: { variable: "EXPLAINERS_HOST", expected: `one of ${HOST_IDS.join(", ")}` },
  sharing: { variable: "EXPLAINERS_SHARING", expected: "all, none, or a number of recent years like 2" },
  openData: { variable: "EXPLAINERS_OPEN_DATA", expected: "whole, compact or bulk" },
  feeds: { variable: "EXPLAINERS_FEEDS", expected: "all or site" },
} as const;

function isMissing(path: string): boolean {
  try {
    lstatSync(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

/**
 * A site.yaml that is a symbolic link out of the project folder is not read: its lines
 * would be quoted in problem reports (CI logs), and the settings of a site are the project's own.
 */
function outsideProject(root: string, file: string): ContentProblem | undefined {
  try {
    if (isWithin(realpathSync(join(root, file)), realpathSync(root))) return undefined;
  } catch {
    return undefined; // a broken link: reading it tells what is wrong
  }
  return {
    file,
    line: 1,
    column: 1,
    field: "",
    message: `${file} is a symbolic link to a file outside the project folder, so it is not read.`,
    fix: `Copy the settings into ${file} in the project folder in place of the link.`,
    unread: true,
  };
}

/**
 * site.yaml read and checked like any content file: the settings (with the environment's
 * overrides), or every problem in it. A missing or unreadable file is a problem too.
 */
export function readSiteSettings(
  root: string,
  file = "site.yaml",
  environment: NodeJS.ProcessEnv = process.env,
): { settings?: SiteSettings; problems: ContentProblem[] } {
  if (isMissing(join(root, file))) {
    const message = `There is no ${file} in the project folder: the site's title, address and licence come from it.`;
    const fix = `Run the command from the project folder (the one with ${file}), or create ${file} as docs/publishing.md shows.`;
    return { problems: [{ file, line: 1, column: 1, field: "", message, fix, unread: true }] };
  }
  const outside = outsideProject(root, file);
  if (outside) return { problems: [outside] };
  const bytes = readContentBytes(root, join(root, file));
  if (!(bytes instanceof Uint8Array)) return { problems: [bytes] };
  const read = readSource(file, bytes, "yaml");
  if (!read.ok) return { problems: read.problems };
  const checked = checkAgainstSchema(siteSettingsSchema, read.file);
  const problems = [...read.problems, ...(checked.ok ? [] : checked.problems)];
  if (!checked.ok || problems.length > 0) return { problems };
  return { settings: withOverrides(checked.data, environment), problems };
}

/** The settings, or a ContentError listing the problems in site.yaml. */
export function loadSiteSettings(root: string, file = "site.yaml", environment: NodeJS.ProcessEnv = process.env): SiteSettings {
  const { settings, problems } = readSiteSettings(root, file, environment);
  if (!settings) throw new ContentError(problems);
  return settings;
}

/**
 * The settings with the environment's overrides applied, each checked by the same schema
 * as site.yaml. A prefix may leave out its slashes: `explainers` means `/explainers/`.
 */
export function withOverrides(settings: SiteSettings, environment: NodeJS.ProcessEnv): SiteSettings {
  const url = environment[SETTING_OVERRIDES.url.variable];
  const prefix = environment[SETTING_OVERRIDES.pathPrefix.variable];
  const host = environment[SETTING_OVERRIDES.host.variable];
  const sharing = environment[SETTING_OVERRIDES.sharing.variable];
  const openData = environment[SETTING_OVERRIDES.openData.variable];
  const feeds = environment[SETTING_OVERRIDES.feeds.variable];
  return {
    ...settings,
    ...(host ? { host: overridden("host", host, siteSettingsSchema.shape.host) } : {}),
    ...(sharing ? { sharing: overridden("sharing", /^\d+$/.test(sharing) ? { recentYears: Number(sharing) } : sharing, sharingSchema) } : {}),
    ...(openData ? { openData: overridden("openData", openData, openDataSchema) } : {}),
    ...(feeds ? { feeds: overridden("feeds", feeds, feedsSchema) } : {}),
    ...(url ? { url: overridden("url", url, siteSettingsSchema.shape.url) } : {}),
    ...(prefix ? { pathPrefix: overridden("pathPrefix", `/${prefix}/`.replace(/\/{2,}/g, "/"), siteSettingsSchema.shape.pathPrefix) } : {}),
  };
}

function overridden<T>(setting: keyof typeof SETTING_OVERRIDES, value: unknown, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { variable, expected } = SETTING_OVERRIDES[setting];
  throw new Error(`${variable} overrides '${setting}' in site.yaml and must be ${expected}; it is ${JSON.stringify(value)}.`);
}
