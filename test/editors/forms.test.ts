/**
 * The forms generated for editors offer what the content offers, and nothing check
 * refuses: the content manager's collections (Decap CMS) and frontmatter.json (Front
 * Matter CMS), each read as its tool reads it, from the sample content's choices.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { adminFiles, decapFiles } from "../../src/authoring/editors/admin-files.ts";
import { decapBackend, decapConfig } from "../../src/authoring/editors/decap-config.ts";
import { frontMatterConfig } from "../../src/authoring/editors/front-matter-config.ts";
import { sampleChoices } from "../fixtures/editor-schemas.ts";

const forms = suite("forms for editors: the content manager and VS Code");
const choices = sampleChoices();
const ilacs2023 = choices.frameworks.find((framework) => framework.id === "ofsted-ilacs-2023")!;

type Field = {
  hidden?: boolean;
  name: string;
  widget?: string;
  type?: string;
  options?: { value: string }[];
  choices?: { id: string }[];
  fields?: Field[];
  when?: { value: string };
  required?: boolean;
  contentTypeName?: string;
  summary?: string;
};
type Collection = { name: string; folder: string; filter?: { field: string; value: string }; fields: Field[] };

const config = decapConfig(choices, {
  backend: { name: "proxy", proxy_url: "/api/v1", branch: "main" },
  content: "content",
  siteUrl: "http://localhost:8080",
}) as { collections: Collection[]; publish_mode: string };
const field = (fields: Field[], name: string) => fields.find((candidate) => candidate.name === name)!;

type FormFramework = {
  id: string;
  inspectorate: string;
  from: string;
  to?: string;
  kinds: { id: string }[];
  areas: { id: string }[];
  outcomes: { id: string }[];
};

forms("the content manager has one inspection form, for every framework, listing every inspection", () => {
  const inspections = config.collections.filter((collection) => collection.name.startsWith("inspections"));
  assert.equal(
    inspections.map((collection) => [collection.name, collection.folder, collection.filter]),
    [["inspections", "content/inspections", undefined]],
  );
  assert.is(config.publish_mode, "editorial_workflow");
});

forms(
  "the form's framework, kinds, areas and grades follow the organisation and the visit, from every framework",
  () => {
    const collection = config.collections.find((candidate) => candidate.name === "inspections")!;
    // In the format's order, which is the order Decap writes a file's fields in.
    assert.equal(
      collection.fields.slice(0, 3).map((one) => [one.name, one.widget]),
      [
        // With npm run cms (the proxy backend), admin.js's choice, which offers drafts too; Decap's relation on a published /admin/.
        ["organisation", "organisation"],
        ["framework", "framework"],
        ["kind", "inspection-kind"],
      ],
    );
    assert.is(field(collection.fields, "visit").widget, "visit");
    const framework = field(collection.fields, "framework") as Field & {
      frameworks: (FormFramework & { appliesTo?: string[] })[];
      inspected: Record<string, string[]>;
      kinds: Record<string, string>;
    };
    assert.equal(
      framework.frameworks.map((one) => one.id),
      choices.frameworks.map((one) => one.id),
    );
    const ilacs = framework.frameworks.find((one) => one.id === "ofsted-ilacs-2023")!;
    assert.equal([ilacs.inspectorate, ilacs.from, ilacs.to], ["ofsted", "2023-01-01", "2026-03-31"]);
    assert.equal(
      ilacs.kinds.map((kind) => kind.id),
      ["standard", "short", "focused-visit", "monitoring-visit"],
    );
    assert.equal(
      ilacs.areas.map((area) => area.id),
      ilacs2023.areas.map((area) => area.id),
    );
    assert.equal(
      ilacs.outcomes.map((outcome) => outcome.id),
      ["outstanding", "good", "requires-improvement", "inadequate", "withheld", "unknown", "not-judged"],
    );
    // Who inspected each organisation before: the framework is that inspectorate's.
    assert.equal(framework.inspected, { oxfordshire: ["ofsted"], "wessex-police": ["hmicfrs"] });
    // Each organisation's kind, and the kinds each framework is used for: the frameworks offered are narrowed by them.
    assert.equal(framework.kinds, { oxfordshire: "Upper-tier local authority", "wessex-police": "Police force" });
    assert.equal(ilacs.appliesTo, ["Local authority", "Upper-tier local authority"]);
    const organisation = field(collection.fields, "organisation") as Field & { organisations: { id: string }[] };
    assert.equal(
      organisation.organisations.map((one) => one.id),
      ["oxfordshire", "wessex-police"],
    );
    assert.is(field(collection.fields, "judgements").widget, "judgements");
    assert.is(field(collection.fields, "published").widget, "day");
    // A list's items are shown by their text, not each by the list's name.
    assert.is(field(collection.fields, "improvements").summary, "{{fields.item}}");
    assert.is(field(collection.fields, "quotes").summary, "{{fields.text}}");
    assert.is(field(collection.fields, "body").widget, "markdown");
    assert.equal((collection as unknown as { slug: string }).slug, "{{visit.start | date('YYYY')}}-{{kind}}");
  },
);

forms("the configuration Decap reads is the YAML the build writes, with the site's backend from site.yaml", () => {
  const files = adminFiles(
    choices,
    { title: "Inspection explainers", language: "en-GB" },
    {
      backend: decapBackend({ backend: "gitlab", repo: "example/explainers", branch: "main", appId: "abc123" }),
      content: "content",
      siteUrl: "https://example.org/",
    },
  );
  const read = parse(files.get("config.yml")!) as { backend: Record<string, string>; collections: Collection[] };
  assert.equal(read.backend, {
    name: "gitlab",
    repo: "example/explainers",
    branch: "main",
    app_id: "abc123",
    auth_type: "pkce",
  });
  assert.is(read.collections.length, config.collections.length);
  // On a published /admin/ there is no server of ours to ask: the organisations are Decap's relation to those published.
  const inspections = read.collections.find((collection) => collection.name === "inspections")!;
  assert.is(field(inspections.fields, "organisation").widget, "relation");
  assert.match(files.get("index.html")!, '<script src="decap-cms.js"></script>\n<script src="admin.js"></script>');
  assert.match(files.get("index.html")!, '<meta name="robots" content="noindex">');
  assert.ok(decapFiles().includes("decap-cms.js"));
  assert.ok(
    !decapFiles().some((name) => name.endsWith(".map") || name === "cms.js"),
    "no source maps, no second copy of the bundle",
  );
});

forms("frontmatter.json: a form per Markdown folder, the kind and judgements following the framework chosen", () => {
  const frontMatter = frontMatterConfig(choices) as {
    "frontMatter.content.pageFolders": { path: string; contentTypes: string[] }[];
    "frontMatter.taxonomy.contentTypes": { name: string; fields: Field[] }[];
  };
  assert.equal(
    frontMatter["frontMatter.content.pageFolders"].map((folder) => [folder.path, folder.contentTypes]),
    [
      ["[[workspace]]/content/organisations", ["organisation"]],
      ["[[workspace]]/content/inspections", ["inspection"]],
      ["[[workspace]]/content/events", ["event"]],
    ],
  );
  const inspection = frontMatter["frontMatter.taxonomy.contentTypes"].find((type) => type.name === "inspection")!;
  const kinds = inspection.fields.filter((candidate) => candidate.name === "kind");
  assert.equal(
    kinds.slice(0, -1).map((kind) => kind.when!.value),
    choices.frameworks.map((framework) => framework.id),
  );
  // Front Matter's own check reads the last field of a name, without `when`: that one constrains nothing.
  for (const name of ["kind", "judgements"]) {
    const last = inspection.fields.filter((candidate) => candidate.name === name).at(-1)!;
    assert.equal(
      [last.hidden, last.when, last.choices, last.fields?.length ?? 0],
      [true, undefined, undefined, 0],
      name,
    );
  }
  const judgements = inspection.fields.find(
    (candidate) => candidate.name === "judgements" && candidate.when?.value === "ofsted-ilacs-2023",
  )!;
  assert.equal(
    judgements.fields!.map((area) => area.name),
    ilacs2023.areas.map((area) => area.id),
  );
  assert.equal(
    judgements.fields![0]!.choices!.map((choice) => choice.id),
    ilacs2023.outcomes.map((outcome) => outcome.id),
  );
  // Picked from content/organisations/ as the form is used, never listed here: the file does not go stale.
  assert.equal(
    [field(inspection.fields, "organisation").type, field(inspection.fields, "organisation").contentTypeName],
    ["contentRelationship", "organisation"],
  );
  assert.not.match(JSON.stringify(frontMatter), "oxfordshire");
  // Lists of groups have no form: Front Matter would add a key to each item that the format refuses.
  assert.not.ok(inspection.fields.some((candidate) => candidate.name === "quotes" || candidate.name === "figures"));
});

/** The keys Front Matter CMS 10's settings schema allows on a field (its package.json, `#contenttypefield`). */
const FRONT_MATTER_FIELD_KEYS = new Set([
  "type",
  "name",
  "title",
  "description",
  "default",
  "choices",
  "single",
  "multiple",
  "hidden",
  "fields",
  "numberOptions",
  "dateFormat",
  "required",
  "when",
  // A content relationship's (https://github.com/estruyf/vscode-front-matter/issues/585).
  "contentTypeName",
  "contentTypeValue",
]);

forms("frontmatter.json uses only field settings Front Matter knows", () => {
  const types = (
    frontMatterConfig(choices) as { "frontMatter.taxonomy.contentTypes": { fields: Record<string, unknown>[] }[] }
  )["frontMatter.taxonomy.contentTypes"];
  const unknown = (fields: Record<string, unknown>[]): string[] =>
    fields.flatMap((one) => [
      ...Object.keys(one)
        .filter((key) => !FRONT_MATTER_FIELD_KEYS.has(key))
        .map((key) => `${String(one.name)}.${key}`),
      ...unknown((one.fields as Record<string, unknown>[] | undefined) ?? []),
    ]);
  assert.equal(
    types.flatMap((type) => unknown(type.fields)),
    [],
  );
  const fieldTypes = new Set(
    types.flatMap(function all(type: { fields: Record<string, unknown>[] }): unknown[] {
      return type.fields.flatMap((one) => [
        one.type,
        ...all({ fields: (one.fields as Record<string, unknown>[] | undefined) ?? [] }),
      ]);
    }),
  );
  assert.equal([...fieldTypes].sort(), [
    "boolean",
    "choice",
    "contentRelationship",
    "datetime",
    "fields",
    "list",
    "string",
  ]);
});

forms.run();
