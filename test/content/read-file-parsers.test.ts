/**
 * src/content/read-file.ts reads YAML with js-yaml for speed and falls back to `yaml` for
 * messages and positions. The two must read every file to the same data, and every file
 * `yaml` refuses must reach `yaml`, so the editor gets its message and line.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseDocument } from "yaml";
import { generateCorpus } from "../../bench/corpus.ts";
import { readSource, splitFrontmatter } from "../../src/content/read-file.ts";
import { readFast } from "../../src/content/yaml-fast.ts";

const test = suite("content: js-yaml and yaml read the same");

const root = join(import.meta.dirname, "../..");

function slow(text: string): { data: unknown } | "refused" {
  const document = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) return "refused";
  try {
    return { data: document.toJS() };
  } catch {
    return "refused"; // an alias with no anchor
  }
}

/** js-yaml may decline a file `yaml` reads (the file is then read by `yaml`), never the reverse. */
function agree(text: string, where: string): void {
  const expected = slow(text);
  const fast = readFast(text);
  if (expected === "refused") {
    assert.is(fast, undefined, `${where}: yaml refuses it, so js-yaml must not read it`);
  } else if (fast) {
    assert.ok(isDeepStrictEqual(fast.data, expected.data), `${where}: js-yaml read ${JSON.stringify(fast.data)}, yaml ${JSON.stringify(expected.data)}`);
  }
}

const TRICKY = [
  "a: 1_000", "a: 012", "a: 0o14", "a: 0x1F", "a: 0b101", "- 0b11", "a: +12", "a: 1e3", "a: .5", "a: -.inf", "a: .NaN",
  "a: yes", "a: On", "a: ~", "a: Null", "a: 2024-02-12", "a: 2015-16", "a: 1:20", "a: 12:30:00", "<<: {b: 1}", "a: !!str 12",
  "a: !!binary aGVsbG8=", "? a\n: 1", "- ? b\n  : 1", "a:\n\t- b", "a: 'it''s'", 'a: "\\x41\\u00e9"', "a: b: c", "a: [1, 2",
  "a: 1\na: 2", "- a\nb: 1", "a: |\n  x\n  y\n", "a: >-\n  x\n  y\n", "a: &x 1\nb: *x", "a: *y", "a: 1.", "a: -0", "a: -.0", "a: [-0, 1]", "a: -0.0", "a: 2024-02-12 -0", "a: 09",
  "a: True", "a: tRue", "a: #not comment", "a: b #comment", "a: 'x'y", "{a: 1, b: [2, 3]}", "a: !foo bar", "%YAML 1.1\n---\na: yes",
  "a: @x", "a: `x", "a: %x", "a: 1,000", "a: 0x", "", "# only a comment", "a: 1\n---\nb: 2", "just text", "a:\n  - b: 1\n    c: 2",
  "title: \"unclosed\nnext: 1", "a: 'unclosed", "a: \"x *y* z\"", "- *y", "a: [*y]", "a: {b: *y}", "a: b *c", "a: \"tab\\there\"", "a: caf\u00e9 \u2013 \u201cquoted\u201d", "__proto__: {polluted: 1}",
];

test("tricky YAML: the same data, or left to yaml", () => {
  for (const text of TRICKY) agree(text, JSON.stringify(text));
});

test("numbers read as yaml reads them; tags, complex, collection and null keys, and aliases are left to yaml", () => {
  // Read the same by both now that the fast path resolves scalars by yaml's core rules.
  assert.equal(readFast("a: 0b101"), { data: { a: "0b101" } });
  assert.equal(readFast("value: -.5"), { data: { value: -0.5 } });
  assert.equal(readFast("a: +0x1F"), { data: { a: "+0x1F" } });
  assert.equal(readFast("a: 1e400"), { data: { a: Infinity } });
  assert.ok(Object.is((readFast("a: -0")?.data as { a: number }).a, -0));
  // Declined: yaml reads them its own way.
  for (const text of ["a: !!float 1", "a: !foo x", "null: 1", "~: 1", "? [a]\n: 1", "[a, b]: 1", "{a: 1}: 2", "%YAML 1.2\n---\na: 1"])
    assert.is(readFast(text), undefined, text);
  assert.is(readFast("a: &x 1\nb: *x"), undefined);
  assert.is(readFast("a: &x 1\nb:\n  - *x"), undefined);
  assert.is(readFast("a: &x 1\nb: [1, *x]"), undefined);
  // Emphasis in quoted text is not an alias: such a file stays on the fast path.
  assert.ok(readFast('quotes:\n  - text: "Safeguarding *improving* and **timely**"'));
  // An alias bomb: yaml refuses it ("excessive alias count"); js-yaml must not be asked.
  const bomb = ["a: &a [x, x]", ..."bcdefghij".split("").map((name, index) => `${name}: &${name} [*${"abcdefghij"[index]}, *${"abcdefghij"[index]}]`)].join("\n");
  assert.is(readFast(bomb), undefined);
  const result = readSource("content/site.yaml", new TextEncoder().encode(bomb), "yaml");
  assert.is(result.ok, false, "yaml refuses the alias bomb");
  if (!result.ok) assert.match(result.problems[0]!.message, /aliases .* repeat values too many times/);
  assert.equal(readFast("a: 1\nb: text"), { data: { a: 1, b: "text" } });
});

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|ya?ml)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function yamlOf(path: string): string {
  const text = readFileSync(path, "utf8");
  return path.endsWith(".md") ? splitFrontmatter(text.replace(/\r\n?/g, "\n")).yaml : text;
}

test("every shipped content file and settings file", () => {
  const all = [
    ...files(join(root, "content")),
    join(root, "site.yaml"),
    ...files(join(root, "mappings")),
    ...files(join(root, "packs")),
  ];
  assert.ok(all.length > 20, `found ${all.length} files`);
  for (const path of all) {
    const text = yamlOf(path);
    assert.ok(readFast(text), `${path} should be read by the fast parser`);
    agree(text, path);
  }
});

test("a synthetic corpus of 300 inspections (bench/corpus.ts), all on the fast path", () => {
  const folder = mkdtempSync(join(tmpdir(), "explainers-parsers-"));
  try {
    generateCorpus(folder, 300, { projectRoot: root });
    for (const path of files(folder)) {
      const text = yamlOf(path);
      // Ordinary content (quotes with Markdown emphasis, dates, lists) must not fall back to yaml: that doubles check's time.
      assert.ok(readFast(text), `${path} should be read by the fast parser`);
      agree(text, path);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("a file js-yaml declines still gets yaml's message and line", () => {
  const bytes = new TextEncoder().encode("---\ntitle: Fine\ntitle: Twice\n---\nBody\n");
  const result = readSource("content/inspections/x.md", bytes, "markdown");
  // A key written twice leaves the rest readable, so the file's other fields are still checked.
  assert.is(result.ok, true);
  assert.is(result.problems.length, 1);
  assert.is(result.problems[0]!.line, 3);
  assert.match(result.problems[0]!.message, "'title' is written twice in the same group (first on line 2)");
});

test("an alias with no anchor is a problem at its line, not a crash", () => {
  const bytes = new TextEncoder().encode("---\ntitle: Fine\nsummary: *missing\n---\n");
  const result = readSource("content/inspections/x.md", bytes, "markdown");
  assert.is(result.ok, false);
  if (!result.ok) {
    assert.is(result.problems[0]!.line, 3);
    assert.match(result.problems[0]!.message, /'\*missing'.*'&missing'/);
  }
});

test.run();
