/**
 * The content format as JSON Schema, generated from the zod schemas in `schema.ts` so the
 * editor's autocompletion, the published open data and the build can never disagree.
 *
 * Draft 7, because that is what VS Code's YAML extension (yaml-language-server) supports
 * ("The schema support is shipped with JSON Schema Draft 7",
 * https://github.com/redhat-developer/vscode-yaml#associating-schemas). `io: "input"`
 * describes what an editor writes: fields with a default (`judgements`, `quotes`) are
 * optional. What a refinement checks in code is said again as a pattern where JSON Schema
 * can (dates that exist, text that is not only spaces: `.meta` in schema.ts). These
 * schemas describe the format of any site; src/authoring/editors/json-schemas.ts narrows them to one
 * site's organisations, frameworks, areas and grades for editors.
 */
import { z } from "zod";
import { eventSchema, frameworkSchema, inspectionSchema, inspectorateSchema, organisationSchema, scaleSchema } from "./schema.ts";
import { siteSettingsSchema } from "./site-settings.ts";

export type ContentKind = "inspection" | "organisation" | "event" | "framework" | "scale" | "inspectorate";

const CONTENT: Record<ContentKind, { schema: z.ZodType; title: string; description: string }> = {
  inspection: {
    schema: inspectionSchema,
    title: "Inspection",
    description: "The frontmatter of content/inspections/<organisation>/<file-name>.md. See docs/content-format.md.",
  },
  organisation: {
    schema: organisationSchema,
    title: "Organisation",
    description: "The frontmatter of content/organisations/<id>.md. See docs/content-format.md.",
  },
  event: {
    schema: eventSchema,
    title: "Context event",
    description: "The frontmatter of content/events/<organisation>/<file-name>.md. See docs/content-format.md.",
  },
  framework: {
    schema: frameworkSchema,
    title: "Framework",
    description: "content/frameworks/<id>.yaml: what an inspectorate judges during a period. See docs/frameworks.md.",
  },
  scale: {
    schema: scaleSchema,
    title: "Scale",
    description: "content/scales/<id>.yaml: grades best first, and states that are not grades. See docs/frameworks.md.",
  },
  inspectorate: {
    schema: inspectorateSchema,
    title: "Inspectorate",
    description: "content/inspectorates/<id>.yaml: who inspects. See docs/frameworks.md.",
  },
};

function toJsonSchema(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { target: "draft-07", io: "input" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title, description, ...rest };
}

/** One JSON Schema per kind of content file, in a fixed order. */
export function contentJsonSchemas(): Record<ContentKind, Record<string, unknown>> {
  const schemas = {} as Record<ContentKind, Record<string, unknown>>;
  for (const [kind, { schema, title, description }] of Object.entries(CONTENT) as [ContentKind, (typeof CONTENT)[ContentKind]][]) {
    schemas[kind] = toJsonSchema(schema, title, description);
  }
  return schemas;
}

/** The schema of site.yaml, the publisher's settings. */
export function siteSettingsJsonSchema(): Record<string, unknown> {
  return toJsonSchema(siteSettingsSchema, "Site settings", "site.yaml: title, address, path prefix, language, licence.");
}
