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
import type { SiteSettings } from "../model/site-settings.ts";
import { ContentError } from "./problems.ts";
import { readSource } from "./read-file.ts";
import { checkAgainstSchema } from "./schema-problems.ts";

export const siteSettingsSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, "")),
  pathPrefix: z
    .string()
    .regex(/^\/([a-z0-9._~-]+\/)*$/, "a path that starts and ends with '/', like / or /explainers/")
    .default("/"),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "a language tag like en-GB").default("en-GB"),
  publisher: z.string().min(1),
  licence: z.string().min(1),
  allowHtmlInMarkdown: z.boolean().default(false),
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
