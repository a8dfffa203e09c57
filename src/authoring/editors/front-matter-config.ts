/**
 * frontmatter.json, the configuration of Front Matter CMS, a VS Code extension that gives
 * Markdown files a form in the editor's side panel (https://frontmatter.codes/docs/).
 * VS Code's YAML extension does not look inside Markdown (docs/editing.md), so this is how
 * inspections, organisations and events get fields, choices and checks of required fields
 * while they are edited. Written from the same JSON Schemas as schemas/ (form-fields.ts)
 * and the content's choices (choices.ts).
 *
 * The organisation is picked from the organisation files there are as the form is used
 * (Front Matter's content relationship), so a new one is offered at once and nothing here
 * names the organisations: this file does not go stale when an editor adds one.
 *
 * One content type per folder, so Front Matter knows a file's type from where it is and no
 * `type` field is added to files. A Front Matter form cannot change its fields with
 * another's value except through `when`: an inspection gets one `kind` field and one
 * `judgements` group per framework, each shown only while `framework` names it.
 * Lists of groups (quotes, figures) have no form here: Front Matter stores an extra key in
 * each item, which the format refuses. They are written in the file, as
 * `npm run new` lays them out.
 */
import { contentJsonSchemas } from "../../content/json-schema.ts";
import { previewOrigin } from "../../render/urls.ts";
import type { FrameworkChoices } from "./choices.ts";
import { formFields, type FormField } from "./form-fields.ts";
import type { DefinitionChoices, JsonSchema } from "./json-schemas.ts";

type FrontMatterField = Record<string, unknown>;

const DATE_FORMAT = "yyyy-MM-dd";

/** The field as Front Matter shows it, as a list of none (no form for it) or one. */
const shown = (field: FormField): FrontMatterField[] => {
  const made = frontMatterField(field);
  return made ? [made] : [];
};

function frontMatterField(field: FormField): FrontMatterField | null {
  const common: FrontMatterField = { title: field.label, name: field.name };
  if (field.hint) common.description = field.hint;
  if (field.required) common.required = true;
  switch (field.widget) {
    case "text":
    case "when":
      return { ...common, type: "string", single: true };
    case "longText":
      return { ...common, type: "string" };
    case "date":
      return { ...common, type: "datetime", dateFormat: DATE_FORMAT };
    case "number":
      return { ...common, type: "number", numberOptions: { isDecimal: true } };
    case "boolean":
      return { ...common, type: "boolean" };
    case "list":
      return { ...common, type: "list" };
    case "choice":
      return { ...common, type: "choice", choices: field.options.map(({ id, label }) => ({ id, title: label })) };
    case "visit":
      return {
        ...common,
        type: "fields",
        fields: [
          { title: "First day", name: "start", type: "datetime", dateFormat: DATE_FORMAT, required: true },
          { title: "Last day", name: "end", type: "datetime", dateFormat: DATE_FORMAT, required: true },
        ],
      };
    case "group":
      return { ...common, type: "fields", fields: field.fields.flatMap(shown) };
    case "groupList":
      return null;
  }
}

const choice = (name: string, title: string, description: string, options: { id: string; label: string }[]) => ({
  title,
  name,
  type: "choice",
  description,
  required: true,
  choices: options.map(({ id, label }) => ({ id, title: `${label} (${id})` })),
});

/** An organisation, chosen from content/organisations/ as it is when the form is used: the file's name is its id. */
const organisationField = (description: string): FrontMatterField => ({
  title: "Organisation",
  name: "organisation",
  type: "contentRelationship",
  contentTypeName: "organisation",
  contentTypeValue: "slug",
  description,
  required: true,
});

const whenFramework = (framework: FrameworkChoices) => ({ fieldRef: "framework", operator: "eq", value: framework.id });

function inspectionFields(schema: JsonSchema, choices: DefinitionChoices): FrontMatterField[] {
  const fields: FrontMatterField[] = [];
  for (const field of formFields(schema)) {
    if (field.name === "organisation") {
      fields.push(organisationField("The organisation inspected"));
    } else if (field.name === "framework") {
      fields.push(choice("framework", "Framework", field.hint, choices.frameworks));
    } else if (field.name === "kind") {
      for (const framework of choices.frameworks)
        fields.push({
          ...choice("kind", "Kind of inspection", `The kinds of inspection under ${framework.label}`, framework.kinds),
          when: whenFramework(framework),
        });
      fields.push(lastOfItsName({ title: "Kind of inspection", name: "kind", type: "string", required: true }));
    } else {
      fields.push(...shown(field));
    }
    if (field.name === "summary")
      fields.push(
        ...choices.frameworks.map(judgements),
        lastOfItsName({ title: "Judgements", name: "judgements", type: "fields", fields: [] }),
      );
  }
  return fields;
}

/**
 * Front Matter checks a file against a schema it makes from the fields, where the last
 * field of a name wins and `when` is not read: without this hidden last field, an
 * inspection under one framework would be checked against another's kinds and grades.
 * The choices shown are those of the fields above, one framework at a time.
 */
const lastOfItsName = (field: FrontMatterField): FrontMatterField => ({
  ...field,
  description: "Shown above, as the framework chosen allows",
  hidden: true,
});

function judgements(framework: FrameworkChoices): FrontMatterField {
  return {
    title: "Judgements",
    name: "judgements",
    type: "fields",
    description: `Each area's grade on the ${framework.scaleName}: 'not-judged' for an area this inspection did not judge, 'unknown' for a grade you do not have yet (an area left empty counts as unknown); all empty for a visit that is not graded`,
    when: whenFramework(framework),
    fields: framework.areas.map((area) => ({
      title: area.label,
      name: area.id,
      type: "choice",
      ...(area.description ? { description: area.description } : {}),
      choices: framework.outcomes.map(({ id, label }) => ({ id, title: label })),
    })),
  };
}

/** The whole of frontmatter.json; `content` is the content folder, from the project folder. */
export function frontMatterConfig(choices: DefinitionChoices, content = "content"): Record<string, unknown> {
  const schemas = contentJsonSchemas();
  const plain = (schema: JsonSchema, replaced: Record<string, FrontMatterField>): FrontMatterField[] =>
    formFields(schema).flatMap((field) => (replaced[field.name] ? [replaced[field.name]!] : shown(field)));
  const contentType = (name: string, fields: FrontMatterField[]) => ({
    name,
    pageBundle: false,
    previewPath: null,
    clearEmpty: true,
    fields,
  });
  const folder = (title: string, name: string, type: string) => ({
    title,
    path: `[[workspace]]/${content}/${name}`,
    contentTypes: [type],
  });
  return {
    $schema: "https://frontmatter.codes/frontmatter.schema.json",
    "frontMatter.content.pageFolders": [
      folder("Organisations", "organisations", "organisation"),
      folder("Inspections", "inspections", "inspection"),
      folder("Context events", "events", "event"),
    ],
    "frontMatter.taxonomy.contentTypes": [
      contentType("organisation", plain(schemas.organisation, {})),
      contentType("inspection", inspectionFields(schemas.inspection, choices)),
      contentType(
        "event",
        plain(schemas.event, { organisation: organisationField("The organisation whose timeline it is on") }),
      ),
    ],
    "frontMatter.taxonomy.dateFormat": DATE_FORMAT,
    "frontMatter.content.autoUpdateDate": false,
    // Only the format's fields: no adding fields the format would refuse.
    "frontMatter.panel.freeform": false,
    "frontMatter.preview.host": previewOrigin(),
  };
}
