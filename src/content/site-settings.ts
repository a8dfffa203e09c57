/**
 * The site settings file (site.yaml): title, address, path prefix, language, publisher and
 * licence. Read and checked like any content file, so a typo gets the same clear message.
 *
 * Two settings can be overridden for one build without editing the file, for CI and tests:
 * EXPLAINERS_URL and EXPLAINERS_PATH_PREFIX (`npm run build -- --url ... --path-prefix ...`
 * sets them). docs/publishing.md.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DEFAULT_NATIONAL_DATES } from "../model/national-dates.ts";
import { CMS_BACKENDS, type SiteSettings } from "../model/site-settings.ts";
import { isoDate } from "./schema.ts";
import { ContentError } from "./problems.ts";
import { readSource } from "./read-file.ts";
import { checkAgainstSchema } from "./schema-problems.ts";

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

export const siteSettingsSchema = z.strictObject({
  title: z.string().min(1).describe("The site's name: every page's title, the header, the feeds"),
  description: z.string().min(1).describe("One sentence about the site, for the home page"),
  url: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ""))
    .describe("The address the site is published at, without the path prefix, like https://example.org"),
  pathPrefix: z
    .string()
    .regex(/^\/([a-z0-9._~-]+\/)*$/, "a path that starts and ends with '/', like / or /explainers/")
    .default("/")
    .describe("The path the site lives under, starting and ending with '/': / or /explainers/"),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "a language tag like en-GB")
    .default("en-GB")
    .describe("The pages' language tag, like en-GB"),
  publisher: z.string().min(1).describe("Who publishes the site: shown in every footer, and the feeds' author"),
  licence: z.string().min(1).describe("The licence and attribution text: every footer, the feeds and the open data"),
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
});


/** The environment variables that override a setting, and what a right value looks like. */
export const SETTING_OVERRIDES = {
  url: { variable: "EXPLAINERS_URL", expected: "a web address starting with https:// or http://, like https://example.org" },
  pathPrefix: { variable: "EXPLAINERS_PATH_PREFIX", expected: "a lower-case path like / or /explainers/" },
} as const;

export function loadSiteSettings(root: string, file = "site.yaml", environment: NodeJS.ProcessEnv = process.env): SiteSettings {
  const read = readSource(file, readFileSync(join(root, file)), "yaml");
  if (!read.ok) throw new ContentError(read.problems);
  const checked = checkAgainstSchema(siteSettingsSchema, read.file);
  if (!checked.ok) throw new ContentError(checked.problems);
  return withOverrides(checked.data, environment);
}

/**
 * The settings with the environment's overrides applied, each checked by the same schema
 * as site.yaml. A prefix may leave out its slashes: `explainers` means `/explainers/`.
 */
export function withOverrides(settings: SiteSettings, environment: NodeJS.ProcessEnv): SiteSettings {
  const url = environment[SETTING_OVERRIDES.url.variable];
  const prefix = environment[SETTING_OVERRIDES.pathPrefix.variable];
  return {
    ...settings,
    ...(url ? { url: overridden("url", url, siteSettingsSchema.shape.url) } : {}),
    ...(prefix ? { pathPrefix: overridden("pathPrefix", `/${prefix}/`.replace(/\/{2,}/g, "/"), siteSettingsSchema.shape.pathPrefix) } : {}),
  };
}

function overridden<T>(setting: keyof typeof SETTING_OVERRIDES, value: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { variable, expected } = SETTING_OVERRIDES[setting];
  throw new Error(`${variable} overrides '${setting}' in site.yaml and must be ${expected}; it is ${JSON.stringify(value)}.`);
}
