import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CsvError, readCsv } from "../../src/authoring/import/csv.ts";
import { titleCase } from "../../src/authoring/import/names.ts";

const names = suite("names");

names("title case keeps the small words of place names lower case", () => {
  assert.is(titleCase("bournemouth, christchurch & poole"), "Bournemouth, Christchurch & Poole");
  assert.is(titleCase("kingston upon hull"), "Kingston upon Hull");
  assert.is(titleCase("east riding of yorkshire"), "East Riding of Yorkshire");
  assert.is(titleCase("southend-on-sea"), "Southend-on-Sea");
  assert.is(titleCase("stockton-on-tees"), "Stockton-on-Tees");
  assert.is(titleCase("blackburn with darwen"), "Blackburn with Darwen");
  assert.is(titleCase("windsor and maidenhead"), "Windsor and Maidenhead");
  assert.is(titleCase("st helens"), "St Helens");
  assert.is(titleCase("king's lynn"), "King's Lynn");
  assert.is(titleCase("the wrekin"), "The Wrekin");
  assert.is(titleCase("isle of wight  council"), "Isle of Wight Council");
  assert.is(titleCase("NHS trust"), "NHS Trust", "a word already written with capitals is kept");
});

names.run();

const csv = suite("CSV reading");

csv("quoted commas, ampersands, quotes and line breaks survive, and rows keep their first line", () => {
  const table = readCsv('name,note\r\n"a, b & c",plain\r\n\r\nd,"two\r\nlines"\r\ne,"say ""hi"""\r\n');
  assert.equal(table.header, ["name", "note"]);
  assert.equal(
    table.rows.map((row) => [row.line, row.values.name, row.values.note]),
    [
      [2, "a, b & c", "plain"],
      [4, "d", "two\nlines"],
      [6, "e", 'say "hi"'],
    ],
  );
});

csv("a byte-order mark and a missing final newline are fine", () => {
  const table = readCsv("\uFEFFa,b\n1,2");
  assert.equal(table.header, ["a", "b"]);
  assert.equal(table.rows, [{ line: 2, values: { a: "1", b: "2" } }]);
});

csv("a broken CSV is reported with its line", () => {
  assert.throws(
    () => readCsv('a,b\n1,"open\n2,3\n'),
    (error: unknown) => error instanceof CsvError && /Quote Not Closed/.test(error.message),
  );
  assert.throws(
    () => readCsv("a,b\n1,2,3\n"),
    (error: unknown) => error instanceof CsvError && error.line === 2,
  );
  assert.throws(
    () => readCsv("a,a\n1,2\n"),
    (error: unknown) => error instanceof CsvError && /Two columns are both called 'a'/.test(error.message),
  );
  assert.throws(
    () => readCsv(""),
    (error: unknown) => error instanceof CsvError && /empty/.test(error.message),
  );
});

csv.run();
