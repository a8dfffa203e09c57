import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ValidateFunction } from "ajv";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { contentJsonSchemas, siteSettingsJsonSchema, type ContentKind } from "../../src/content/json-schema.ts";
import { checkContent } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { editorChoices } from "../../src/authoring/editors/choices.ts";
import { editorFiles } from "../../src/authoring/editors/editor-files.ts";
import { editorJsonSchemas } from "../../src/authoring/editors/json-schemas.ts";
import { dataOf, errorsOf, FOLDER_KIND, sampleChoices, strictAjv } from "../fixtures/editor-schemas.ts";
import { projectRoot, sampleCopy } from "./support.ts";

const schemas = suite("JSON Schema for editors");

const ajv = strictAjv();
const choices = sampleChoices();
const editor = editorJsonSchemas(choices);
const validators = new Map<string, ValidateFunction>();
/** The schema an editor's tool reads for this site (schemas/), or the format's own (`generic`). */
function errorsFor(kind: ContentKind | "site", data: unknown, generic = false): string[] {
  const key = `${kind}${generic ? " generic" : ""}`;
  if (!validators.has(key)) {
    const schema = kind === "site" ? siteSettingsJsonSchema() : generic ? contentJsonSchemas()[kind] : editor[kind];
    validators.set(key, ajv.compile(schema));
  }
  return errorsOf(validators.get(key)!, data);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) =>
      statSync(join(folder, name)).isDirectory() ? filesUnder(join(folder, name)) : [join(folder, name)],
    );
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

/**
 * The committed schemas/ and frontmatter.json against what the content in `root` makes:
 * the same files, and every content file (and site.yaml) passing its committed schema.
 */
function committedFilesProblems(root: string): string[] {
  const checked = checkContent(root);
  if (!checked.model) return checked.problems.map(formatProblem);
  const generated = editorFiles(editorChoices(checked.model));
  const committed = readdirSync(join(projectRoot, "schemas"))
    .sort()
    .map((name) => `schemas/${name}`);
  const problems: string[] = [];
  if (
    committed.join() !==
    [...generated.keys()]
      .filter((path) => path.startsWith("schemas/"))
      .sort()
      .join()
  )
    problems.push("schemas/ holds other files than npm run schemas writes");
  for (const [path, text] of generated)
    if (readFileSync(join(projectRoot, path), "utf8") !== text)
      problems.push(`${path} is out of date: run npm run schemas`);
  const committedSchema = (kind: string) =>
    strictAjv().compile(JSON.parse(readFileSync(join(projectRoot, "schemas", `${kind}.schema.json`), "utf8")));
  const validators = new Map<string, ValidateFunction>();
  for (const path of filesUnder(join(root, "content"))) {
    const kind = FOLDER_KIND[relative(join(root, "content"), path).split(/[\\/]/)[0]!]!;
    if (!validators.has(kind)) validators.set(kind, committedSchema(kind));
    for (const error of errorsOf(validators.get(kind)!, dataOf(path, readFileSync(path, "utf8"))))
      problems.push(`${relative(root, path)}: ${error}`);
  }
  return problems;
}

schemas(
  "the committed schemas/ and frontmatter.json are the ones the format and the content generate (run npm run schemas if not)",
  () => {
    assert.equal(committedFilesProblems(projectRoot), []);
  },
);

schemas(
  "an editor adds an organisation and its first inspection: the committed files are still current, and both pass them",
  () => {
    const { folder, content } = sampleCopy("new-organisation");
    try {
      writeFileSync(
        join(content, "organisations/wessex-borough.md"),
        "---\nname: Wessex Borough Council\nkind: Upper-tier local authority\nregion: South West\n---\n",
      );
      mkdirSync(join(content, "inspections/wessex-borough"));
      const first = readFileSync(join(content, "inspections/oxfordshire/2024-standard-inspection.md"), "utf8")
        .replace("organisation: oxfordshire", "organisation: wessex-borough")
        .replace(/^previous: .*\n/m, "");
      writeFileSync(join(content, "inspections/wessex-borough/2024-standard-inspection.md"), first);
      const checked = checkContent(folder);
      assert.equal(checked.problems.map(formatProblem), [], "the new files are right");
      assert.ok(checked.model!.organisations.some((organisation) => organisation.id === "wessex-borough"));
      assert.equal(committedFilesProblems(folder), []);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
);

schemas("Ajv compiles every schema with its default, strict options and ajv-formats (uri, date)", () => {
  for (const schema of [...Object.values(editor), ...Object.values(contentJsonSchemas()), siteSettingsJsonSchema()])
    assert.type(strictAjv().compile(schema), "function");
});

/** Every property of every object in a schema, with its path, leaving out the conditions of `if`. */
function propertiesOf(schema: unknown, path = ""): [string, Record<string, unknown>][] {
  if (!schema || typeof schema !== "object") return [];
  return Object.entries(schema as Record<string, unknown>).flatMap(
    ([key, value]): [string, Record<string, unknown>][] => {
      if (key === "if") return [];
      if (key === "properties" && value && typeof value === "object")
        return Object.entries(value as Record<string, Record<string, unknown>>).flatMap(([name, property]) => [
          [`${path}/${name}`, property] as [string, Record<string, unknown>],
          ...propertiesOf(property, `${path}/${name}`),
        ]);
      return propertiesOf(value, path);
    },
  );
}

schemas("every field has a description, for the editor's hover and the forms' hints", () => {
  for (const [kind, schema] of [...Object.entries(editor), ["site", siteSettingsJsonSchema()] as const]) {
    const missing = propertiesOf(schema).filter(
      ([, property]) => typeof property === "object" && !property.description,
    );
    assert.equal(
      missing.map(([path]) => path),
      [],
      `${kind}: fields without a description`,
    );
  }
});

schemas("every sample content file and site.yaml pass their schema", () => {
  for (const path of filesUnder(join(projectRoot, "content"))) {
    const folder = relative(join(projectRoot, "content"), path).split(/[\\/]/)[0]!;
    assert.equal(errorsFor(FOLDER_KIND[folder]!, dataOf(path, readFileSync(path, "utf8"))), [], path);
  }
  assert.equal(errorsFor("site", dataOf("site.yaml", readFileSync(join(projectRoot, "site.yaml"), "utf8"))), []);
});

schemas("every example in docs/ passes the format's schema (they name organisations of their own)", () => {
  for (const name of readdirSync(join(projectRoot, "docs")).filter((file) => file.endsWith(".md"))) {
    const text = readFileSync(join(projectRoot, "docs", name), "utf8");
    for (const match of text.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)) {
      const kind = FOLDER_KIND[match[1]!.split("/")[1]!]!;
      assert.equal(errorsFor(kind, dataOf(match[1]!, match[2]!), true), [], `${name}: ${match[1]}`);
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
  for (const [schema] of associations) assert.ok(editorFiles(choices).has(schema.replace("./", "")), schema);
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
