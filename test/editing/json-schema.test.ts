import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { contentJsonSchemas, editorSchemaFiles, type ContentKind } from "../../src/content/json-schema.ts";
import { readSource } from "../../src/content/read-file.ts";
import { projectRoot } from "./support.ts";

const schemas = suite("JSON Schema for editors");

const FOLDER_KIND: Record<string, ContentKind> = {
  inspectorates: "inspectorate",
  scales: "scale",
  frameworks: "framework",
  organisations: "organisation",
  inspections: "inspection",
  events: "event",
};

// The YAML extension reads yaml.schemas as Draft 7 and ignores formats it does not know.
const ajv = new Ajv({ allErrors: true, strict: false, formats: { uri: (value: string) => URL.canParse(value) } });
const validators = new Map<string, ValidateFunction>();
function validatorFor(kind: ContentKind | "site"): ValidateFunction {
  if (!validators.has(kind))
    validators.set(kind, ajv.compile(JSON.parse(editorSchemaFiles().get(`${kind}.schema.json`)!)));
  return validators.get(kind)!;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) =>
      statSync(join(folder, name)).isDirectory() ? filesUnder(join(folder, name)) : [join(folder, name)],
    );
}

/** What the YAML extension sees: the YAML file, or (for Markdown) the frontmatter. */
function dataOf(path: string, text: string): unknown {
  const read = readSource(path, new TextEncoder().encode(text), path.endsWith(".md") ? "markdown" : "yaml");
  if (!read.ok) throw new Error(`${path} cannot be read: ${read.problems[0]?.message}`);
  return read.file.data;
}

function errorsFor(kind: ContentKind | "site", data: unknown): string[] {
  const validate = validatorFor(kind);
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

schemas("one schema per kind of content file, for the open data and for editors", () => {
  assert.equal(Object.keys(contentJsonSchemas()), [
    "inspection",
    "organisation",
    "event",
    "framework",
    "scale",
    "inspectorate",
  ]);
  for (const schema of Object.values(contentJsonSchemas()))
    assert.is(schema.$schema, "http://json-schema.org/draft-07/schema#");
});

schemas("the committed schemas/ are the ones the zod schemas generate (run npm run schemas if not)", () => {
  const committed = new Map(
    readdirSync(join(projectRoot, "schemas"))
      .sort()
      .map((name) => [name, readFileSync(join(projectRoot, "schemas", name), "utf8")]),
  );
  const generated = new Map([...editorSchemaFiles()].sort(([a], [b]) => a.localeCompare(b)));
  assert.equal([...committed.keys()], [...generated.keys()], "schemas/ holds other files than npm run schemas writes");
  for (const [name, text] of generated)
    assert.is(committed.get(name), text, `schemas/${name} is out of date: run npm run schemas`);
});

schemas("every sample content file and site.yaml pass their schema", () => {
  for (const path of filesUnder(join(projectRoot, "content"))) {
    const folder = relative(join(projectRoot, "content"), path).split(/[\\/]/)[0]!;
    assert.equal(errorsFor(FOLDER_KIND[folder]!, dataOf(path, readFileSync(path, "utf8"))), [], path);
  }
  assert.equal(errorsFor("site", dataOf("site.yaml", readFileSync(join(projectRoot, "site.yaml"), "utf8"))), []);
});

schemas("every example in docs/ passes its schema", () => {
  for (const name of readdirSync(join(projectRoot, "docs")).filter((file) => file.endsWith(".md"))) {
    const text = readFileSync(join(projectRoot, "docs", name), "utf8");
    for (const match of text.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)) {
      const kind = FOLDER_KIND[match[1]!.split("/")[1]!]!;
      assert.equal(errorsFor(kind, dataOf(match[1]!, match[2]!)), [], `${name}: ${match[1]}`);
    }
  }
});

schemas("the schemas catch what an editor's typing gets wrong", () => {
  const framework = dataOf(
    "f.yaml",
    readFileSync(join(projectRoot, "content/frameworks/ofsted-ilacs-2023.yaml"), "utf8"),
  ) as Record<string, unknown>;
  assert.ok(
    errorsFor("framework", { ...framework, inforce: framework.inForce }).some((error) =>
      error.includes("additional properties"),
    ),
  );
  assert.ok(
    errorsFor("framework", { ...framework, inForce: { from: "1 January 2023" } }).some((error) =>
      error.includes("/inForce/from"),
    ),
  );
  assert.ok(
    errorsFor("framework", { ...framework, scale: "Ofsted Four Point" }).some((error) => error.includes("/scale")),
  );
  assert.ok(
    errorsFor("scale", { name: "One grade", grades: [{ id: "good", label: "Good", meaning: "Good." }] }).some((error) =>
      error.includes("/grades"),
    ),
  );
  assert.ok(
    errorsFor("inspectorate", { name: "X", shortName: "X", website: "www.example.org" }).some((error) =>
      error.includes("/website"),
    ),
  );
});

/**
 * How yaml-language-server matches `yaml.schemas` globs: `*` and `?` as wildcards, the
 * rest literally, anchored at the end of the file's path (its FilePatternAssociation).
 */
function globMatches(glob: string, path: string): boolean {
  const pattern = glob
    .replace(/[-\\{}+()[\]^$.|]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`${pattern}$`).test(path);
}

schemas(".vscode/settings.json points each YAML data file at its schema, and only there", () => {
  const settings = JSON.parse(readFileSync(join(projectRoot, ".vscode/settings.json"), "utf8")) as {
    "yaml.schemas": Record<string, string>;
  };
  const associations = Object.entries(settings["yaml.schemas"]);
  for (const [schema] of associations) assert.ok(editorSchemaFiles().has(schema.replace("./schemas/", "")), schema);
  const yamlFiles = [
    ...filesUnder(join(projectRoot, "content")).filter((path) => path.endsWith(".yaml")),
    join(projectRoot, "site.yaml"),
  ];
  for (const path of yamlFiles) {
    const matching = associations.filter(([, glob]) => globMatches(glob, path)).map(([schema]) => schema);
    const folder = relative(join(projectRoot, "content"), path).split(/[\\/]/)[0]!;
    const expected = path.endsWith("site.yaml") && !path.includes("/content/") ? "site" : FOLDER_KIND[folder];
    assert.equal(matching, [`./schemas/${expected}.schema.json`], path);
  }
  assert.equal(
    associations.filter(([, glob]) => globMatches(glob, join(projectRoot, "package.json"))),
    [],
  );
  const extensions = JSON.parse(readFileSync(join(projectRoot, ".vscode/extensions.json"), "utf8")) as {
    recommendations: string[];
  };
  assert.ok(extensions.recommendations.includes("redhat.vscode-yaml"));
});

schemas.run();
