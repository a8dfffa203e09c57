/** The parts of the importer that read gradings, joins and templates (history.ts, join.ts, template.ts, framework-choice.ts). */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readCsv } from "../../src/authoring/import/csv.ts";
import { areaColumns, chooseFramework } from "../../src/authoring/import/framework-choice.ts";
import { readHistory } from "../../src/authoring/import/history.ts";
import { joinTables } from "../../src/authoring/import/join.ts";
import { parseMapping, type Definitions } from "../../src/authoring/import/mapping.ts";
import { fillTemplate, templateColumns } from "../../src/authoring/import/template.ts";
import { ImportSetupError } from "../../src/authoring/import/types.ts";

const mappingText = `
history:
  key: id
  relabelled:
    new_a: old_a
organisation:
  name: name
  kind: { value: Service }
visit:
  start: { column: inspected, format: yyyy-MM-dd }
  end: { column: inspected, format: yyyy-MM-dd }
published: { column: published, format: yyyy-MM-dd }
kind: { value: inspection }
framework:
  column: type
  values:
    any: [old-framework, new-framework]
frameworks:
  old-framework:
    areas:
      a: [old_a, new_a]
      b: old_b
  new-framework:
    areas:
      a: [new_a, old_a]
      c: new_c
      d: new_d
grades:
  values: { "1": one, "2": two }
  ifEmpty: leave-out
`;

function mapping() {
  const parsed = parseMapping("test.yaml", new TextEncoder().encode(mappingText));
  assert.equal(parsed.problems, []);
  return parsed.mapping!;
}

const kinds = [{ id: "inspection", label: "Inspection", graded: true, judges: "some" as const }];
const area = (id: string, separate = false) => ({ id, label: id, ...(separate ? { separate } : {}) });
const definitions: Definitions = {
  scales: new Map(),
  frameworks: new Map([
    [
      "old-framework",
      {
        inspectorate: "x",
        name: "Old",
        shortName: "Old",
        scale: "s",
        inForce: { from: "2010-01-01", to: "2020-12-31" },
        kinds,
        areas: [area("a"), area("b")],
      },
    ],
    [
      "new-framework",
      {
        inspectorate: "x",
        name: "New",
        shortName: "New",
        scale: "s",
        inForce: { from: "2018-01-01" },
        kinds,
        areas: [area("a"), area("c"), area("d", true)],
      },
    ],
  ]) as Definitions["frameworks"],
};

const rows = (text: string) => readCsv(text).rows;

const history = suite("gradings read as ratings in force");

history(
  "keeps every grade of each grading, and tells which changed from the one just before, in each organisation's own order",
  () => {
    const read = readHistory(
      rows(`id,name,type,published,inspected,old_a,old_b,new_a,new_c,new_d
x,X,any,2019-03-01,2019-02-01,1,2,,,
y,Y,any,2015-01-01,2014-12-01,2,2,,,
x,X,any,2016-03-01,2016-02-01,1,1,,,
`),
      mapping(),
    );
    assert.equal(
      read.rows.map((row) => [row.line, row.values.old_a, row.values.old_b]),
      [
        [2, "1", "2"],
        [3, "2", "2"],
        [4, "1", "1"],
      ],
    );
    assert.equal(read.contexts.get(2), {
      kind: "dated",
      changed: ["old_b"],
      unchanged: ["old_a"],
      dropped: [],
      inForce: ["old_a", "old_b"],
      before: { line: 4, published: "2016-03-01", start: "2016-02-01" },
    });
    assert.is(read.contexts.get(4)?.kind, "first");
  },
);

history("a grade moved unchanged to its new column is the same grade only against the grading just before", () => {
  const read = readHistory(
    rows(`id,name,type,published,inspected,old_a,old_b,new_a,new_c,new_d
x,X,any,2016-03-01,2016-02-01,1,1,,,
x,X,any,2019-03-01,2019-02-01,,,1,2,
x,X,any,2020-03-01,2020-02-01,1,,2,2,
x,X,any,2021-03-01,2021-02-01,,,,2,
x,X,any,2022-03-01,2022-02-01,,,1,2,
`),
    mapping(),
  );
  // old_a's 1 moved to new_a: the same grade, and old_a is not "gone"; old_b is.
  assert.equal(read.contexts.get(3), {
    kind: "dated",
    changed: ["new_c"],
    unchanged: ["new_a"],
    dropped: ["old_b"],
    inForce: ["new_a", "new_c"],
    before: { line: 2, published: "2016-03-01", start: "2016-02-01" },
  });
  // While the old column still holds its grade, a grade in the new one is new.
  assert.equal(read.contexts.get(4)?.changed, ["old_a", "new_a"]);
  assert.equal(read.contexts.get(5)?.dropped, ["old_a", "new_a"]);
  // The grading before held no grade in either column: new, whatever came earlier.
  assert.equal(read.contexts.get(6)?.changed, ["new_a"]);
});

history(
  "the same date with changed grades loses its visit date; the same date and grades, or no grades where none stood, is skipped",
  () => {
    const read = readHistory(
      rows(`id,name,type,published,inspected,old_a,old_b,new_a,new_c,new_d
x,X,any,2016-03-01,2016-02-01,1,1,,,
x,X,any,2016-09-01,2016-02-01,1,2,,,
x,X,any,2017-01-01,2016-02-01,1,2,,,
x,X,any,2018-01-01,2017-12-01,,,,,
x,X,any,2018-06-01,2018-05-01,,,,,
y,Y,any,2018-01-01,2017-12-01,,,,,
`),
      mapping(),
    );
    assert.is(read.contexts.get(3)?.kind, "undated");
    assert.is(read.rows[1]!.values.inspected, "");
    // A grading with no grades after one with grades: none stands after it.
    assert.equal(read.contexts.get(5), {
      kind: "dated",
      changed: [],
      unchanged: [],
      dropped: ["old_a", "old_b"],
      inForce: [],
      before: { line: 3, published: "2016-09-01", start: "2016-02-01" },
    });
    assert.equal(read.skipped, [
      { line: 4, reason: "the same grades and inspection date as the grading on line 3: nothing new to import" },
      { line: 6, reason: "the grading holds no grades, so there is nothing to import" },
      { line: 7, reason: "the grading holds no grades, so there is nothing to import" },
    ]);
  },
);

history.run();

const choice = suite("choosing a framework from a list by the row's grades");

const row = (values: Record<string, string>) => ({ line: 2, values: { type: "any", ...values } });

choice("the newest in force whose own columns hold a grade; a question shown apart does not choose", () => {
  const m = mapping();
  const day = { day: "2019-05-01", undated: false };
  assert.equal(chooseFramework(row({ old_b: "1" }), m, definitions, day), { ok: true, value: "old-framework" });
  assert.equal(chooseFramework(row({ new_c: "1" }), m, definitions, day), { ok: true, value: "new-framework" });
  // Only the question shown apart changed: the framework of the grades in force decides.
  assert.equal(chooseFramework(row({ new_d: "1" }), m, definitions, { ...day, inForce: ["old_a", "new_d"] }), {
    ok: true,
    value: "old-framework",
  });
  assert.equal(chooseFramework(row({ new_c: "1" }), m, definitions, { day: "2015-05-01", undated: false }), {
    ok: true,
    value: "old-framework",
  });
  assert.equal(chooseFramework(row({}), m, definitions, { day: "2009-05-01", undated: false }), {
    ok: false,
    reason:
      "none of the frameworks the mapping lists for the row ('old-framework', 'new-framework') was in force on 2009-05-01",
  });
});

choice("a framework's other columns are read only when none of its first columns holds a grade", () => {
  const m = mapping();
  assert.equal(areaColumns(row({ new_a: "1" }), m, "old-framework"), {
    columns: { a: "new_a", b: "old_b" },
    alternatives: true,
  });
  assert.equal(areaColumns(row({ new_a: "1", old_b: "2" }), m, "old-framework"), {
    columns: { a: "old_a", b: "old_b" },
    alternatives: false,
  });
});

choice.run();

const joins = suite("joining another CSV, and templates");

joins("adds the other CSV's columns by key, and tells which rows have no match", () => {
  const table = readCsv("id,name\n1,One\n2,Two\n");
  const other = readCsv("ref,type\n1,Care home\n");
  const joined = joinTables(table, [{ name: "more.csv", table: other, on: "id", key: "ref", as: "more" }]);
  assert.equal(joined.table.header, ["id", "name", "more.ref", "more.type"]);
  assert.is(joined.table.rows[0]!.values["more.type"], "Care home");
  assert.equal([...joined.unmatched], [[3, "more.csv has no row whose ref is '2' (the row's id)"]]);
  assert.throws(
    () => joinTables(table, [{ name: "more.csv", table: readCsv("ref\n1\n1\n"), on: "id", key: "ref", as: "more" }]),
    (error: Error) => error instanceof ImportSetupError && /two rows for ref '1' \(lines 2 and 3\)/.test(error.message),
  );
});

joins("a template fills each column, encodes it in a web address, and gives nothing when a cell is empty", () => {
  const filled = { line: 2, values: { id: "CS 1/2", name: "" } };
  assert.equal(templateColumns("https://x.org/?id={id}&n={ name }"), ["id", "name"]);
  assert.is(fillTemplate("https://x.org/?id={id}", filled, true), "https://x.org/?id=CS%201%2F2");
  assert.is(fillTemplate("{id} ({name})", filled), undefined);
});

joins.run();
