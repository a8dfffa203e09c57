/**
 * Turns the bytes of one content file into data plus a way to find where each field was
 * written, so that every later check can point an editor at a line. YAML is read with
 * the YAML 1.2 core schema: `2024-02-12` stays the text the editor typed instead of
 * becoming a JavaScript Date in some time zone.
 *
 * Frontmatter is split from the Markdown by gray-matter, given this file's YAML reader as
 * its engine. Two parsers, one reading: js-yaml reads a file ten times faster than `yaml`
 * (the largest part of `check`; docs/performance.md) but cannot say where a field was
 * written; `yaml` can. So a file is read with js-yaml (yaml-fast.ts), and only a file that
 * js-yaml refuses, or that holds what the two read differently, is read with `yaml`, whose
 * message and line the editor then gets; positions for a later problem come from `yaml`
 * too, when asked for. test/content/read-file-parsers.test.ts holds the two to the same data.
 */
import { appendAll } from "../model/arrays.ts";
import matter from "gray-matter";
import type { Document, Node } from "yaml";
import { controlCharacters } from "./control-characters.ts";
import { LIMITS } from "./limits.ts";
import { loneSurrogates } from "./lone-surrogates.ts";
import type { ContentProblem } from "./problems.ts";
import type { FieldPath, Position, SourceFile } from "./source-file.ts";
import { parseYaml, yaml, type ParsedYaml } from "./yaml-parse.ts";
import { readYaml } from "./yaml-read.ts";

export type { FieldPath, Position, SourceFile } from "./source-file.ts";

/**
 * `ok`: the file could be read into data, whose fields can be checked; its `problems`
 * (a control character, a key written twice, a YAML tag) do not stop that, so an editor
 * sees every problem of the file at once. `bodyLine`: the line of the file its Markdown
 * starts on (1 for a YAML file). Not `ok`: nothing could be read.
 */
export type ReadResult = { ok: true; file: SourceFile; problems: ContentProblem[]; bodyLine: number } | { ok: false; problems: ContentProblem[] };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Byte 0x0A never occurs inside a multi-byte UTF-8 sequence, so lines can be checked one by one. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(lineStart, index));
      } catch {
        return line;
      }
      line++;
      lineStart = index + 1;
    }
  }
  return 1;
}

function decode(path: string, bytes: Uint8Array): string | ContentProblem {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  } catch {
    const line = firstInvalidUtf8Line(bytes);
    return {
      file: path,
      line,
      column: 1,
      field: "",
      message: "The file is not UTF-8 text.",
      fix: "Save it again as UTF-8 (in VS Code: the encoding in the status bar, then 'Save with Encoding', 'UTF-8').",
    };
  }
}

type YamlMap = import("yaml").YAMLMap;
type YamlPair = import("yaml").Pair;

/** Each map's pairs by key, made the first time a key of it is looked for: a file with 5,000 problems in one map looks each up once. */
const pairsByKey = new WeakMap<YamlMap, Map<string, YamlPair>>();

function pairOf(map: YamlMap, key: string | number): YamlPair | undefined {
  let pairs = pairsByKey.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const item of map.items)
      if (yaml().isPair(item) && yaml().isScalar(item.key) && !pairs.has(String(item.key.value))) pairs.set(String(item.key.value), item as YamlPair);
    pairsByKey.set(map, pairs);
  }
  return pairs.get(String(key));
}

function nodeAt(document: Document, field: FieldPath): Node | undefined {
  let node: unknown = document.contents;
  for (const key of field) {
    if (yaml().isMap(node)) {
      const pair = pairOf(node, key);
      if (!pair) return undefined;
      node = pair.value ?? pair.key;
    } else if (yaml().isSeq(node) && typeof key === "number") {
      node = node.items[key];
    } else {
      return undefined;
    }
  }
  return node as Node | undefined;
}

/** The key of a field (where a missing or unknown field is best pointed at), else the value. */
function keyNodeAt(document: Document, field: FieldPath): Node | undefined {
  if (field.length === 0) return undefined;
  const parent = nodeAt(document, field.slice(0, -1));
  const last = field[field.length - 1];
  if (yaml().isMap(parent)) {
    const pair = pairOf(parent, last!);
    if (pair && yaml().isScalar(pair.key)) return pair.key;
  }
  return undefined;
}

/**
 * Where fields were written. Positions are wanted only for a file with a problem, and
 * keeping every file's parsed document for them was most of the memory the content took
 * (about 10 KB a file), so the YAML is parsed again, the same way, the first time a
 * position is asked for (docs/performance.md). A function of its own, so that its closure
 * holds the text and nothing of the first parse.
 */
function locator(yamlText: string, format: "markdown" | "yaml"): SourceFile["locate"] {
  let parsed: ParsedYaml | undefined;
  return (field: FieldPath): Position => {
    const { document, lineCounter } = (parsed ??= parseYaml(yamlText));
    for (let depth = field.length; depth >= 0; depth--) {
      const partial = field.slice(0, depth);
      // A parent that is a list item has no key: the item itself starts on its '- ' line.
      const whole = depth === field.length || typeof partial[partial.length - 1] === "number";
      const node = whole ? (keyNodeAt(document, partial) ?? nodeAt(document, partial)) : keyNodeAt(document, partial);
      const offset = node?.range?.[0];
      if (offset !== undefined) {
        const position = lineCounter.linePos(offset);
        return { line: position.line, column: position.col };
      }
    }
    return { line: format === "markdown" ? 2 : 1, column: 1 };
  };
}


/** The YAML could not be read: what gray-matter's engine throws, as gray-matter passes on what it throws. */
class UnreadableYaml extends Error {}

/**
 * A Markdown file's frontmatter and body, split by gray-matter, which gives the YAML to
 * `parse` (its engine) and returns what it gives as the data. The YAML starts with the
 * newline after the opening '---', so line N of the YAML is line N of the file.
 * Frontmatter of nothing but comments and blank lines is no fields: gray-matter does not
 * call the engine for it.
 * https://github.com/jonschlinkert/gray-matter#optionsengines
 */
export function splitFrontmatter(
  text: string,
  parse: (yaml: string) => unknown = () => ({}),
): { yaml: string; body: string; data: unknown } {
  const file = matter(text, { engines: { yaml: (yaml: string) => parse(yaml) as object } });
  return { yaml: file.matter, body: file.content, data: file.data };
}

function fileProblem(path: string, line: number, message: string, fix: string): ContentProblem {
  return { file: path, line, column: 1, field: "", message, fix };
}

/** A Markdown file must open its frontmatter on line 1 and close it (gray-matter closes it at the next line starting '---'). */
function frontmatterProblem(path: string, text: string): ContentProblem | undefined {
  if (!text.startsWith("---\n"))
    return fileProblem(
      path,
      1,
      "The file does not start with frontmatter.",
      "Start it with a line '---', the fields in YAML, then another line '---', then the Markdown text.",
    );
  if (text.indexOf("\n---", 3) === -1)
    return fileProblem(
      path,
      1,
      "The frontmatter opened by the '---' on line 1 is never closed, so the whole file would be read as fields.",
      "Add a line '---' after the last field, before the Markdown text.",
    );
  return undefined;
}

/** The Markdown after the frontmatter, when it is longer than anyone reads. */
function bodyProblem(path: string, text: string, body: string): ContentProblem | undefined {
  if (body.length <= LIMITS.body) return undefined;
  const line = text.slice(0, text.length - body.length).split("\n").length;
  return fileProblem(
    path,
    line,
    `The Markdown after the frontmatter is ${body.length.toLocaleString("en-GB")} characters long; the most a page takes is ${LIMITS.body.toLocaleString("en-GB")}.`,
    "Shorten it: say what matters in your own words and link to the report for the rest.",
  );
}

function readMarkdown(path: string, text: string): ReadResult {
  const problems: ContentProblem[] = [];
  let split: { yaml: string; body: string; data: unknown };
  try {
    split = splitFrontmatter(text, (yamlText) => {
      const read = readYaml(path, yamlText);
      appendAll(problems, read.problems);
      if (read.data === undefined) throw new UnreadableYaml();
      return read.data;
    });
  } catch (error) {
    if (error instanceof UnreadableYaml) return { ok: false, problems };
    throw error;
  }
  const { yaml: yamlText, body, data } = split;
  const long = bodyProblem(path, text, body);
  if (long) problems.push(long);
  // gray-matter's body is the end of the text: the lines before it are the frontmatter's.
  const bodyLine = text.slice(0, text.length - body.length).split("\n").length;
  const file: SourceFile = { path, data: data ?? {}, body, locate: locator(yamlText, "markdown") };
  appendAll(problems, loneSurrogates(file, yamlText));
  return { ok: true, file, problems, bodyLine };
}

/**
 * Reads one file's bytes: UTF-8 text, without control characters, its frontmatter (for
 * Markdown) or whole text (for YAML) read as YAML. Every problem is returned, with the
 * data when the fields can still be checked.
 */
export function readSource(path: string, bytes: Uint8Array, format: "markdown" | "yaml"): ReadResult {
  const decoded = decode(path, bytes);
  if (typeof decoded !== "string") return { ok: false, problems: [decoded] };
  const { text, problems } = controlCharacters(path, decoded);
  if (format === "yaml") {
    const read = readYaml(path, text);
    appendAll(problems, read.problems);
    if (read.data === undefined) return { ok: false, problems };
    const file: SourceFile = { path, data: read.data ?? {}, body: "", locate: locator(text, format) };
    appendAll(problems, loneSurrogates(file, text));
    return { ok: true, file, problems, bodyLine: 1 };
  }
  const unframed = frontmatterProblem(path, text);
  if (unframed) return { ok: false, problems: [...problems, unframed] };
  const read = readMarkdown(path, text);
  return { ...read, problems: [...problems, ...read.problems] };
}
