/**
 * The JSON Schemas editors' tools read (schemas/, for VS Code's YAML extension and any
 * other validator): the content format from src/content/json-schema.ts, narrowed by the
 * site's definitions (choices.ts): its inspectorates, scales and frameworks. An inspection
 * may name only a framework that exists; under each framework, only its kinds, its areas
 * and its scale's grades, a visit starting while the framework was in force, and for a
 * graded kind the report, publication date and grades that `npm run check` asks for.
 *
 * Organisations are left out on purpose: editors add them every week (in the content
 * manager too, where no one runs `npm run schemas`), so a committed list of them would go
 * stale with every new one. Whether an inspection's organisation exists is `npm run
 * check`'s to say; the forms offer the organisations there are when they are used.
 *
 * Still Draft 7 (see json-schema.ts), with `if`/`then` for the per-framework rules. What
 * no JSON Schema can say (an end before a start, a `previous` that names no file) is left
 * to `npm run check` and named in docs/editing.md; test/editing/schema-coverage.test.ts
 * counts what the schemas catch.
 */
import { dayRangePatterns } from "../../content/date-patterns.ts";
import { contentJsonSchemas, siteSettingsJsonSchema, type ContentKind } from "../../content/json-schema.ts";
import type { EditorChoices, FrameworkChoices } from "./choices.ts";

export type JsonSchema = Record<string, unknown>;

const listed = (items: readonly { id: string; label: string }[]) =>
  items.map(({ id, label }) => `${id} (${label})`).join(", ");

function properties(schema: JsonSchema): Record<string, JsonSchema> {
  return schema.properties as Record<string, JsonSchema>;
}

/** `property` of `schema`, narrowed to the ids of `items`: the rest of its definition (description, pattern) kept. */
function oneOfIds(schema: JsonSchema, property: string, items: readonly { id: string }[]): void {
  if (items.length > 0)
    properties(schema)[property] = { ...properties(schema)[property], enum: items.map(({ id }) => id) };
}

const inForceText = (framework: FrameworkChoices) =>
  `${framework.inForce.from}${framework.inForce.to ? ` to ${framework.inForce.to}` : " onwards"}`;

/** What one framework allows in an inspection made under it. */
function underFramework(framework: FrameworkChoices): JsonSchema {
  const allowed = `${framework.scaleName}: ${listed(framework.outcomes)}`;
  return {
    properties: {
      kind: {
        description: `The kinds of inspection under ${framework.label}: ${listed(framework.kinds)}`,
        enum: framework.kinds.map((kind) => kind.id),
      },
      judgements: {
        description: `Each area of ${framework.label} that was judged, and its grade on the ${allowed}`,
        type: "object",
        propertyNames: { enum: framework.areas.map((area) => area.id) },
        properties: Object.fromEntries(
          framework.areas.map((area) => [
            area.id,
            {
              description: `${area.label}${area.description ? `: ${area.description}` : ""}. ${allowed}`,
              enum: framework.outcomes.map((outcome) => outcome.id),
            },
          ]),
        ),
      },
      visit: visitInForce(framework),
    },
    allOf: byKind(framework),
  };
}

/** A visit given by its days starts while the framework was in force. */
function visitInForce(framework: FrameworkChoices): JsonSchema {
  return {
    description: `${framework.label} was in force from ${inForceText(framework)}: the visit starts then`,
    if: { type: "object" },
    then: {
      type: "object",
      properties: {
        start: {
          description: `A day from ${inForceText(framework)}`,
          type: "string",
          allOf: dayRangePatterns(framework.inForce.from, framework.inForce.to).map((pattern) => ({
            type: "string",
            pattern,
          })),
        },
      },
    },
  };
}

/** A graded kind needs its days, report, publication date and grades; an ungraded kind has no grades. */
function byKind(framework: FrameworkChoices): JsonSchema[] {
  const ofKind = (graded: boolean, then: JsonSchema): JsonSchema[] => {
    const ids = framework.kinds.filter((kind) => kind.graded === graded).map((kind) => kind.id);
    return ids.length ? [{ if: { properties: { kind: { enum: ids } }, required: ["kind"] }, then }] : [];
  };
  return [
    ...ofKind(true, {
      required: ["published", "report", "judgements"],
      properties: {
        visit: { description: "A graded inspection needs the exact days: start and end", type: "object" },
        judgements: {
          description: "A graded inspection needs at least one area's grade",
          type: "object",
          minProperties: 1,
        },
      },
    }),
    ...ofKind(false, {
      properties: {
        judgements: {
          description: "A visit of this kind is not graded: no judgements",
          type: "object",
          maxProperties: 0,
        },
        previous: false,
      },
    }),
  ];
}

function inspectionSchema(generic: JsonSchema, choices: DefinitionChoices): JsonSchema {
  const schema = structuredClone(generic);
  oneOfIds(schema, "framework", choices.frameworks);
  schema.allOf = choices.frameworks.map((framework) => ({
    if: { properties: { framework: { const: framework.id } }, required: ["framework"] },
    then: underFramework(framework),
  }));
  return schema;
}

function frameworkSchema(generic: JsonSchema, choices: DefinitionChoices): JsonSchema {
  const schema = structuredClone(generic);
  oneOfIds(schema, "inspectorate", choices.inspectorates);
  oneOfIds(schema, "scale", choices.scales);
  oneOfIds(properties(schema).replaces!, "framework", choices.frameworks);
  return schema;
}

const NARROWED: Partial<Record<ContentKind, (generic: JsonSchema, choices: DefinitionChoices) => JsonSchema>> = {
  inspection: inspectionSchema,
  framework: frameworkSchema,
};

/** What the schemas are narrowed by: the site's definitions, never its organisations. */
export type DefinitionChoices = Omit<EditorChoices, "organisations">;

/** One schema per kind of content file, narrowed to this site's definitions. */
export function editorJsonSchemas(choices: DefinitionChoices): Record<ContentKind, JsonSchema> {
  const generic = contentJsonSchemas();
  return Object.fromEntries(
    Object.entries(generic).map(([kind, schema]) => {
      const narrow = NARROWED[kind as ContentKind];
      return [kind, narrow ? narrow(schema, choices) : schema];
    }),
  ) as Record<ContentKind, JsonSchema>;
}

/**
 * The files in schemas/ that .vscode/settings.json points the YAML extension at, by file
 * name, as they are committed. `npm run schemas` writes them; a test keeps them current.
 */
export function editorSchemaFiles(choices: DefinitionChoices): Map<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files = new Map<string, string>();
  for (const [kind, schema] of Object.entries(editorJsonSchemas(choices)))
    files.set(`${kind}.schema.json`, json(schema));
  files.set("site.schema.json", json(siteSettingsJsonSchema()));
  return files;
}
