/**
 * The fields of a form for one kind of content file, read from its JSON Schema (which
 * src/content/json-schema.ts generates from the zod schemas): names, labels, hints,
 * which are required, and the patterns a value must match. The CMS's forms
 * (decap-config.ts) and VS Code's (front-matter-config.ts) are both written from these,
 * so neither can drift from the format `npm run check` reads.
 *
 * Fields the schema allows in more than one shape are given the one shape a form can
 * show (FORM_SHAPES below); a file written by hand in the other shape is kept as it is.
 * Fields whose choices depend on the content (organisation, kind, judgements) are added
 * by the form generators from choices.ts.
 */
import { anchored, CALENDAR_DAY, POINT_IN_TIME } from "../../content/date-patterns.ts";
import { ID_PATTERN, ID_RULE } from "../../content/ids.ts";
import type { JsonSchema } from "./json-schemas.ts";

/**
 * `visit` is an inspection's visit: its first and last days, or (for an old ungraded
 * visit written by hand) a month or year; `when` is a point in time or a range { from, to }.
 */
export type FormField =
  | (FieldBase & { widget: "text" | "longText" | "date" | "number" | "boolean" | "list" | "visit" | "when" })
  | (FieldBase & { widget: "choice"; options: { id: string; label: string }[] })
  | (FieldBase & { widget: "group" | "groupList"; fields: FormField[] });

interface FieldBase {
  name: string;
  label: string;
  hint: string;
  required: boolean;
  /** A whole-value pattern, and what a right value looks like, in words. */
  pattern?: { regex: string; says: string };
}

/** Prose fields, shown as a box of several lines. */
const LONG_TEXT = new Set(["summary", "text", "description", "meaning", "note"]);

const POINT = {
  regex: anchored(POINT_IN_TIME),
  says: "a day (2017-03-14), a month (2017-03), a year (2017) or a financial year (2015-16)",
};

/**
 * The one shape a form gives each field the format allows in several (or none it can
 * show), by the field's path: names joined with '.', a list's items under the list's name.
 */
const FORM_SHAPES: Record<string, (field: FieldBase) => FormField | null> = {
  visit: (field) => ({
    ...field,
    hint: "The first and last days inspectors were on site",
    widget: "visit",
    pattern: POINT,
  }),
  date: (field) => ({
    ...field,
    hint: "When: a day (2017-03-14), a month (2017-03), a year (2017), a financial year (2015-16), or a range like 2022-08 to 2024-02",
    widget: "when",
    pattern: POINT,
  }),
  "figures.values.date": (field) => ({ ...field, widget: "text", pattern: POINT }),
  "codes.ofstedUrn": (field) => ({ ...field, widget: "text", pattern: { regex: "^\\d+$", says: "digits only" } }),
  "replaces.crosswalk.from": (field) => ({ ...field, widget: "list" }),
  "replaces.crosswalk.to": (field) => ({ ...field, widget: "list" }),
  // Maps from one id to another: judgements come from choices.ts; grade translations are written by hand.
  judgements: () => null,
  "replaces.grades": () => null,
  // 'all', 'some' or a list of areas: rare, and written by hand (docs/frameworks.md).
  "kinds.judges": () => null,
  // Written by `npm run import`, removed by an editor: never made in a form.
  draft: () => null,
  // Grades a datastore published under another framework: written by `npm run import`, by hand otherwise.
  alsoInForce: () => null,
};

const PATTERN_WORDS: Record<string, string> = {
  [anchored(CALENDAR_DAY)]: "a day that exists, written YYYY-MM-DD",
  "^https?://": "a web address starting https://",
  [ID_PATTERN.source]: `${ID_RULE}, like 'help-and-protection'`,
  "^[A-Z]\\d{8}$": "an ONS code like E10000025",
  "^CS\\d{10}$": "a Care Inspectorate number like CS2003000150",
};

/** Labels that are not the field's name in words. */
const LABELS: Record<string, string> = {
  ons: "ONS code",
  ofstedUrn: "Ofsted URN",
  careInspectorate: "Care Inspectorate number",
  url: "Web address",
  inForce: "In force",
  shortName: "Short name",
};

/** "leadInspector" -> "Lead inspector" */
export function labelOf(name: string): string {
  if (LABELS[name]) return LABELS[name];
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function patternOf(schema: JsonSchema): FieldBase["pattern"] {
  const regex = typeof schema.pattern === "string" ? schema.pattern : undefined;
  if (!regex || !PATTERN_WORDS[regex]) return undefined;
  return { regex, says: PATTERN_WORDS[regex] };
}

function fieldOf(path: string, schema: JsonSchema, required: boolean): FormField | null {
  const name = path.slice(path.lastIndexOf(".") + 1);
  const base: FieldBase = { name, label: labelOf(name), hint: String(schema.description ?? ""), required };
  const pattern = patternOf(schema);
  if (pattern) base.pattern = pattern;
  if (path in FORM_SHAPES) return FORM_SHAPES[path]!(base);
  if (Array.isArray(schema.enum)) {
    return { ...base, widget: "choice", options: schema.enum.map((id) => ({ id: String(id), label: String(id) })) };
  }
  switch (schema.type) {
    case "string":
      return { ...base, widget: schema.format === "date" ? "date" : LONG_TEXT.has(name) ? "longText" : "text" };
    case "integer":
    case "number":
      return { ...base, widget: "number" };
    case "boolean":
      return { ...base, widget: "boolean" };
    case "object":
      return { ...base, widget: "group", fields: formFields(schema, path) };
    case "array": {
      const items = schema.items as JsonSchema;
      return items.type === "object"
        ? { ...base, widget: "groupList", fields: formFields(items, path) }
        : { ...base, widget: "list" };
    }
    default:
      // A shape of several kinds that FORM_SHAPES does not name.
      throw new Error(
        `The field '${path}' has no form shape: add it to FORM_SHAPES in src/authoring/editors/form-fields.ts.`,
      );
  }
}

/** The fields of an object schema, in the schema's order; `within` is the object's own path. */
export function formFields(schema: JsonSchema, within = ""): FormField[] {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).flatMap(([name, property]) => {
    const field = fieldOf(within ? `${within}.${name}` : name, property, required.has(name));
    return field ? [field] : [];
  });
}
