/**
 * docs/performance.md: frontmatter is split by gray-matter with the project's YAML reader
 * as its engine, and a file's YAML is parsed a second time only when a position in it is
 * asked for. These pin that both behave as before.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readSource, splitFrontmatter } from "../../src/content/read-file.ts";

const split = suite("bench: splitting frontmatter as gray-matter does");

split("the frontmatter runs to the first line starting '---'; the body starts on the line after", () => {
  const cases: [string, string, string][] = [
    ["---\na: 1\n---\nbody\n", "\na: 1", "body\n"],
    ["---\na: 1\n---", "\na: 1", ""],
    ["---\n---\nbody", "", "body"],
    ["---\na: 1\n---\n\nbody", "\na: 1", "\nbody"],
    ["---\na: 1\n----\nbody", "\na: 1", "-\nbody"],
    ["---\na: 1\n--- trailing\nbody", "\na: 1", " trailing\nbody"],
    ["---\na: |\n  ---\n  x\n---\nbody\n---\nmore", "\na: |\n  ---\n  x", "body\n---\nmore"],
  ];
  for (const [text, yaml, body] of cases) {
    const parts = splitFrontmatter(text);
    assert.equal({ yaml: parts.yaml, body: parts.body }, { yaml, body }, JSON.stringify(text));
    const read = readSource("x.md", new TextEncoder().encode(text), "markdown");
    assert.ok(read.ok && read.file.body === body, `${JSON.stringify(text)}: readSource keeps the same body`);
  }
  // gray-matter reads a frontmatter never closed as running to the end of the file; an
  // editor has only forgotten the second '---', and is told so.
  assert.equal(splitFrontmatter("---\na: 1\n"), { yaml: "\na: 1\n", body: "", data: {} });
  const unclosed = readSource("x.md", new TextEncoder().encode("---\na: 1\n"), "markdown");
  assert.is(unclosed.ok, false);
  assert.match(unclosed.problems[0]!.message, "is never closed");
});

split.run();

const positions = suite("bench: positions of a file are found when asked for");

positions("locate points at the line of a field, read after the file was checked", () => {
  const text =
    "---\norganisation: oxfordshire\njudgements:\n  help-and-protection: goood\nquotes:\n  - text: Hello\n---\nBody\n";
  const read = readSource("x.md", new TextEncoder().encode(text), "markdown");
  assert.ok(read.ok);
  if (!read.ok) return;
  assert.equal(read.file.data, {
    organisation: "oxfordshire",
    judgements: { "help-and-protection": "goood" },
    quotes: [{ text: "Hello" }],
  });
  assert.is(read.file.body, "Body\n");
  assert.equal(read.file.locate(["judgements", "help-and-protection"]), { line: 4, column: 3 });
  assert.equal(read.file.locate(["quotes", 0, "text"]), { line: 6, column: 5 });
  assert.equal(read.file.locate(["quotes", 0, "by"]), { line: 6, column: 5 });
  assert.equal(read.file.locate(["organisation"]), { line: 2, column: 1 });
});

positions.run();
