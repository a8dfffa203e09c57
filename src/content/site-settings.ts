/**
 * The site settings file (site.yaml): title, address, path prefix, language, licence.
 * Read and checked like any content file, so a typo gets the same clear message.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
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

export type SiteSettings = z.output<typeof siteSettingsSchema>;

export function loadSiteSettings(root: string, file = "site.yaml"): SiteSettings {
  const read = readSource(file, readFileSync(join(root, file)), "yaml");
  if (!read.ok) throw new ContentError(read.problems);
  const checked = checkAgainstSchema(siteSettingsSchema, read.file);
  if (!checked.ok) throw new ContentError(checked.problems);
  return checked.data;
}
