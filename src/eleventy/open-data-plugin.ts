/**
 * Writes the open data into the output after each build: inspections and judgements as
 * CSV and JSON, organisations as JSON (all, and one file each), the JSON Schemas that
 * describe them, and the JSON Schemas of the content format. Files are written directly, not through templates: they are data, and
 * one pass over the model is all they need.
 * https://www.11ty.dev/docs/events/#eleventy.after
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import { contentJsonSchemas } from "../content/json-schema.ts";
import { loadSiteSettings } from "../content/site-settings.ts";
import { latestPublication } from "../model/national.ts";
import { inspectionRowSchema, judgementRowSchema, openData, openDataSchemas } from "../model/open-data.ts";
import { toCsv, type CsvValue } from "../render/csv.ts";
import { builtModel } from "./model-plugin.ts";
import type { EleventyConfig } from "./types.ts";

export interface OpenDataPluginOptions {
  root: string;
}

/** Every file the plugin writes, relative to the output folder. */
export function openDataFiles(root: string): Map<string, string> {
  const model = builtModel();
  if (!model) return new Map();
  const settings = loadSiteSettings(root);
  const asAt = latestPublication(model.organisations);
  const data = openData(model, {
    title: settings.title,
    licence: settings.licence,
    publisher: settings.publisher,
    as_at: asAt,
  });
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files = new Map<string, string>([
    ["data/inspections.json", json(data.inspections)],
    ["data/judgements.json", json(data.judgements)],
    ["data/organisations.json", json(data.organisations)],
    [
      "data/inspections.csv",
      toCsv(Object.keys(inspectionRowSchema.shape), data.inspections.inspections as Record<string, CsvValue>[]),
    ],
    [
      "data/judgements.csv",
      toCsv(Object.keys(judgementRowSchema.shape), data.judgements.judgements as Record<string, CsvValue>[]),
    ],
  ]);
  for (const organisation of data.byOrganisation)
    files.set(`data/organisations/${organisation.organisation.id}.json`, json(organisation));
  for (const [name, schema] of Object.entries(openDataSchemas))
    files.set(`data/schema/${name}.schema.json`, json(z.toJSONSchema(schema)));
  // The content format itself, for anyone writing or checking content files elsewhere.
  for (const [kind, schema] of Object.entries(contentJsonSchemas()))
    files.set(`data/schema/content/${kind}.schema.json`, json(schema));
  return files;
}

export default function openDataPlugin(eleventyConfig: EleventyConfig, options: OpenDataPluginOptions): void {
  if (!options?.root) throw new Error("openDataPlugin needs the `root` option: the project folder.");
  eleventyConfig.on("eleventy.after", ({ directories }) => {
    if (!directories) throw new Error("Eleventy did not say where it wrote the site; the open data cannot be written.");
    const made = new Set<string>();
    for (const [path, text] of openDataFiles(options.root)) {
      const target = join(directories.output, path);
      const folder = dirname(target);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(target, text);
    }
  });
}
