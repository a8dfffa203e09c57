/**
 * The configuration of Decap CMS (https://decapcms.org/docs/configuration-options/): one
 * form per kind of content file, written from the same JSON Schemas as schemas/ (through
 * form-fields.ts) and the content's own choices (choices.ts).
 *
 * Inspections have one form: the framework follows from the organisation and the visit's
 * first day, and the kinds, areas and grades follow the framework (inspectionCollection).
 *
 * Drafts and review go through git (`publish_mode: editorial_workflow`): a draft is a
 * branch, and publishing merges it (a pull request on GitHub, GitLab or Bitbucket).
 */
import { anchored, CALENDAR_DAY, POINT_IN_TIME } from "../../content/date-patterns.ts";
import { contentJsonSchemas } from "../../content/json-schema.ts";
import type { CmsSettings } from "../../model/site-settings.ts";
import { inspectionUrl, mediaUrl, organisationUrl } from "../../render/urls.ts";
import type { EditorChoices, FrameworkChoices } from "./choices.ts";
import { formFields, type FormField } from "./form-fields.ts";
import type { JsonSchema } from "./json-schemas.ts";

type DecapField = Record<string, unknown>;

const POINT_PATTERN = anchored(POINT_IN_TIME);

/** Where pictures uploaded through the media library go, relative to the repository: layouts/assets/ is published at /assets/ (src/eleventy/assets-plugin.ts). */
export const mediaFolder = (): string => `layouts${mediaUrl().slice(0, -1)}`;

/** Where the CMS saves: the project's git host, or `npm run cms`'s local server. */
export type DecapBackend = { name: string; branch: string } & Record<string, string>;

/**
 * site.yaml's `cms` in Decap's words (https://decapcms.org/docs/backends-overview/).
 * GitLab with an application id signs in without a server of the site's own (PKCE).
 */
export function decapBackend(settings: CmsSettings): DecapBackend {
  const backend: DecapBackend = { name: settings.backend, repo: settings.repo, branch: settings.branch };
  if (settings.apiRoot) backend.api_root = settings.apiRoot;
  if (settings.baseUrl) backend.base_url = settings.baseUrl;
  if (settings.authEndpoint) backend.auth_endpoint = settings.authEndpoint;
  if (settings.appId) {
    backend.app_id = settings.appId;
    backend.auth_type = "pkce";
  }
  return backend;
}

export interface DecapConfigOptions {
  backend: DecapBackend;
  /** The content folder, relative to the repository's root. */
  content: string;
  /** The site's address with its path prefix, for "view on site" links. */
  siteUrl: string;
}

/** A page's address as Decap's `preview_path` takes it: a template, relative to `site_url`. */
const previewPath = (url: string): string => url.slice(1);

/** A day, typed and shown day first (en-GB) and kept as YYYY-MM-DD: the `day` widget of layouts/admin/admin.js. */
const DATE = { widget: "day" };

/** Markdown without images or raw HTML: the site renders neither (docs/content-format.md). */
const MARKDOWN = {
  widget: "markdown",
  buttons: ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"],
  editor_components: [],
};

function decapField(field: FormField): DecapField {
  const common: DecapField = { name: field.name, label: field.label, required: field.required };
  if (field.hint) common.hint = field.hint;
  // The date picker gives only days that exist; visits and ranges are checked by their widgets.
  if (field.pattern && !["date", "visit", "when"].includes(field.widget)) {
    common.pattern = [field.pattern.regex, `Write ${field.pattern.says}.`];
  }
  switch (field.widget) {
    case "visit":
    case "when":
      // Widgets of layouts/admin/admin.js, which read these patterns.
      return { ...common, widget: field.widget, point_pattern: POINT_PATTERN, day_pattern: anchored(CALENDAR_DAY) };
    case "text":
      return { ...common, widget: "string" };
    case "longText":
      return { ...common, widget: "text" };
    case "date":
      return { ...common, ...DATE };
    case "number":
      return { ...common, widget: "number", value_type: "float" };
    case "boolean":
      return { ...common, widget: "boolean" };
    case "choice":
      return { ...common, widget: "select", options: field.options.map(({ id, label }) => ({ value: id, label })) };
    case "group":
      return { ...common, widget: "object", collapsed: false, fields: field.fields.map(decapField) };
    case "groupList":
      // Each item shown by its first field's text (a quote by its words), not by the list's name.
      return {
        ...common,
        widget: "list",
        summary: `{{fields.${field.fields[0]!.name}}}`,
        fields: field.fields.map(decapField),
      };
    case "list":
      // Each item shown by its text: "Improvements" on every one told nothing.
      return {
        ...common,
        widget: "list",
        summary: "{{fields.item}}",
        field: { name: "item", label: field.label, widget: "string" },
      };
  }
}

/** The generic fields of a kind of file, with some replaced by what the content offers. */
function fieldsOf(schema: JsonSchema, replaced: Record<string, DecapField>): DecapField[] {
  return formFields(schema).map((field) => replaced[field.name] ?? decapField(field));
}

const select = (
  name: string,
  label: string,
  hint: string,
  options: { id: string; label: string }[],
  required = true,
) => ({
  name,
  label,
  hint,
  required,
  widget: "select",
  options: options.map(({ id, label: text }) => ({ value: id, label: `${text} (${id})` })),
});

const organisationField = (hint: string): DecapField => ({
  name: "organisation",
  label: "Organisation",
  hint,
  widget: "relation",
  collection: "organisations",
  value_field: "{{slug}}",
  search_fields: ["name"],
  display_fields: ["name"],
});

/**
 * The inspection's organisation. With `npm run cms`, a choice of admin.js that asks the
 * content manager's server as the form opens, so that an organisation saved as a draft is
 * offered too, said to be one; on the published site, Decap's own choice of the
 * organisations published.
 */
function inspectedField(choices: EditorChoices, options: DecapConfigOptions): DecapField {
  if (options.backend.name !== "proxy")
    return organisationField(
      "The organisation inspected. A new one is added under Organisations and published first (two steps).",
    );
  return {
    name: "organisation",
    label: "Organisation",
    hint: "The organisation inspected. A new one, added under Organisations and saved, is offered here at once, marked as a draft: publish it before this inspection.",
    widget: "organisation",
    api: options.backend.proxy_url,
    branch: options.backend.branch,
    organisations: choices.organisations.map(({ id, label, kind }) => ({ id, name: label, kind, draft: false })),
  };
}

/** What the inspection form's widgets (layouts/admin/admin.js) need to know of a framework. */
function frameworkForForm(framework: FrameworkChoices) {
  return {
    id: framework.id,
    label: framework.label,
    inspectorate: framework.inspectorate,
    from: framework.inForce.from,
    ...(framework.inForce.to ? { to: framework.inForce.to } : {}),
    ...(framework.appliesTo ? { appliesTo: framework.appliesTo } : {}),
    scale: framework.scaleName,
    kinds: framework.kinds,
    areas: framework.areas.map(({ id, label }) => ({ id, label })),
    outcomes: framework.outcomes.map(({ id, label }) => ({ id, label })),
  };
}

/**
 * The one inspection form. The editor picks the organisation and the visit's days; the
 * framework follows from them (the one in force on the first day, of the inspectorate
 * that inspected the organisation before; a choice only where two were in force), and the
 * kinds, areas and grades offered are that framework's. Decap cannot change a field's
 * choices with another field's value, so the framework, the kind and the judgements are
 * widgets of admin.js that read the entry as it is, given every framework here.
 */
function inspectionCollection(choices: EditorChoices, options: DecapConfigOptions, schema: JsonSchema) {
  const properties = schema.properties as Record<string, JsonSchema>;
  const frameworks = choices.frameworks.map(frameworkForForm);
  const fields = fieldsOf(schema, {
    organisation: inspectedField(choices, options),
    framework: {
      name: "framework",
      label: "Framework",
      hint: "Follows from the organisation and the visit's first day: the framework in force then, of those used for the organisation's kind.",
      widget: "framework",
      frameworks,
      inspected: Object.fromEntries(choices.organisations.map(({ id, inspectorates }) => [id, inspectorates])),
      kinds: Object.fromEntries(choices.organisations.map(({ id, kind }) => [id, kind])),
    },
    kind: {
      name: "kind",
      label: "Kind of inspection",
      hint: String(properties.kind!.description),
      widget: "inspection-kind",
      frameworks,
    },
  });
  // The fields stay in the format's order (organisation, framework, kind, ..., visit): Decap
  // writes a file's fields in its form's order, and a saved file keeps the order it had.
  // The judgements follow the summary; the explainer ends the form.
  fields.splice(fields.findIndex((field) => field.name === "summary") + 1, 0, {
    name: "judgements",
    label: "Judgements",
    hint: "Each area's grade, as the report gives it, on the framework's scale. 'Not judged' for an area this inspection did not judge; 'Not known' for a grade the report gives that you do not have yet (an area left empty counts as not known).",
    required: false,
    widget: "judgements",
    frameworks,
  });
  return {
    name: "inspections",
    label: "Inspections",
    label_singular: "inspection",
    description: `One form for every framework: pick the organisation and the visit's days, and the framework (${choices.frameworks.map((framework) => framework.label).join(", ")}) follows.`,
    folder: `${options.content}/inspections`,
    path: "{{organisation}}/{{slug}}",
    slug: INSPECTION_FILE_NAME,
    identifier_field: "summary",
    summary: "{{organisation}}: {{filename}}",
    create: true,
    extension: "md",
    format: "frontmatter",
    preview_path: previewPath(inspectionUrl({ slug: "{{filename}}", organisation: { id: "{{organisation}}" } })),
    fields: [
      ...fields,
      { ...MARKDOWN, name: "body", label: "Explainer", required: false, hint: "The explainer, in your own words" },
    ],
  };
}

/**
 * An inspection's file name, as every tool names it (docs/content-format.md, "File names"):
 * the year of the visit's first day and the kind's id, `2025-standard.md`.
 */
const INSPECTION_FILE_NAME = "{{visit.start | date('YYYY')}}-{{kind}}";

function markdownCollection(
  name: string,
  label: string,
  folder: string,
  fields: DecapField[],
  extra: Record<string, unknown>,
) {
  return { name, label, folder, create: true, extension: "md", format: "frontmatter", ...extra, fields };
}

function yamlCollection(name: string, label: string, folder: string, fields: DecapField[], identifier: string) {
  return { name, label, folder, create: true, extension: "yaml", format: "yaml", identifier_field: identifier, fields };
}

/** Organisations, events, and the framework files: one form each. */
function otherCollections(choices: EditorChoices, content: string): Record<string, unknown>[] {
  const schemas = contentJsonSchemas();
  const folder = (name: string) => `${content}/${name}`;
  const body = (hint: string) => ({ ...MARKDOWN, name: "body", label: "Text", required: false, hint });
  const frameworkHints = schemas.framework.properties as Record<string, JsonSchema>;
  const hint = (name: string) => String(frameworkHints[name]!.description);
  return [
    markdownCollection(
      "events",
      "Context events",
      folder("events"),
      [
        ...fieldsOf(schemas.event, { organisation: organisationField("The organisation whose timeline it is on") }),
        body("What happened, and why it matters for the inspections around it"),
      ],
      {
        path: "{{organisation}}/{{slug}}",
        slug: "{{date}}-{{title | truncate(40, '')}}",
        identifier_field: "title",
        summary: "{{organisation}}: {{title}}",
      },
    ),
    yamlCollection(
      "frameworks",
      "Frameworks",
      folder("frameworks"),
      fieldsOf(schemas.framework, {
        inspectorate: select("inspectorate", "Inspectorate", hint("inspectorate"), choices.inspectorates),
        scale: select("scale", "Scale", hint("scale"), choices.scales),
      }),
      "shortName",
    ),
    yamlCollection("scales", "Scales", folder("scales"), fieldsOf(schemas.scale, {}), "name"),
    yamlCollection(
      "inspectorates",
      "Inspectorates",
      folder("inspectorates"),
      fieldsOf(schemas.inspectorate, {}),
      "shortName",
    ),
  ];
}

/** The whole configuration, as Decap reads it from config.yml. */
export function decapConfig(choices: EditorChoices, options: DecapConfigOptions): Record<string, unknown> {
  const schemas = contentJsonSchemas();
  const organisations = markdownCollection(
    "organisations",
    "Organisations",
    `${options.content}/organisations`,
    [
      ...fieldsOf(schemas.organisation, {}),
      {
        ...MARKDOWN,
        name: "body",
        label: "Text",
        required: false,
        hint: "A sentence or two about the organisation, shown at the top of its page",
      },
    ],
    { identifier_field: "name", slug: "{{name}}", preview_path: previewPath(organisationUrl({ id: "{{filename}}" })) },
  );
  return {
    backend: options.backend,
    publish_mode: "editorial_workflow",
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    show_preview_links: true,
    // Markdown here has no images (MARKDOWN): nothing is uploaded unless an editor uses the media library.
    // layouts/assets/ is published at /assets/ (src/eleventy/assets-plugin.ts); Decap adds the '/' before a file's name.
    media_folder: mediaFolder(),
    public_folder: mediaUrl().slice(0, -1),
    slug: { encoding: "ascii", clean_accents: true },
    collections: [
      organisations,
      inspectionCollection(choices, options, schemas.inspection),
      ...otherCollections(choices, options.content),
    ],
  };
}
