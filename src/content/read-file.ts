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
import matter from "gray-matter";
import { createRequire } from "node:module";
import type { Document, LineCounter, Node, YAMLError } from "yaml";
import type { ContentProblem } from "./problems.ts";
import { readFast } from "./yaml-fast.ts";

const require = createRequire(import.meta.url);

/**
 * `yaml`, loaded the first time a file needs it (Node keeps it after that): a check with
 * no problem never does, and loading it was a twentieth of `npm run check` at 1,000
 * inspections (docs/performance.md).
 */
const yaml = (): typeof import("yaml") => require("yaml") as typeof import("yaml");

export type FieldPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface SourceFile {
  /** Path relative to the project, with forward slashes. */
  path: string;
  data: unknown;
  /** The Markdown after the frontmatter ("" for a YAML file). */
  body: string;
  /** Where a field was written; falls back to its nearest written parent. */
  locate(field: FieldPath): Position;
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; problems: ContentProblem[] };

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
      message:
        "The file is not UTF-8 text. Save it again as UTF-8 (in VS Code: the encoding in the status bar, then 'Save with Encoding', 'UTF-8').",
    };
  }
}

function nodeAt(document: Document, field: FieldPath): Node | undefined {
  let node: unknown = document.contents;
  for (const key of field) {
    if (yaml().isMap(node)) {
      const pair = node.items.find((item) => yaml().isPair(item) && yaml().isScalar(item.key) && String(item.key.value) === String(key));
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
    const pair = parent.items.find((item) => yaml().isPair(item) && yaml().isScalar(item.key) && String(item.key.value) === String(last));
    if (pair && yaml().isScalar(pair.key)) return pair.key;
  }
  return undefined;
}

/**
 * The parser reports a missing closing quote where the file ends, which can be far below
 * the mistake; the editor needs the line where the quote was opened.
 */
function unclosedQuoteStart(document: Document, error: YAMLError): number | undefined {
  if (error.code !== "MISSING_CHAR" || !/closing ["']/.test(error.message)) return undefined;
  let start: number | undefined;
  yaml().visit(document, {
    Scalar(_key, node) {
      const range = node.range;
      if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && range && range[0] < error.pos[0] && range[1] >= error.pos[0]) {
        start = range[0];
      }
    },
  });
  return start;
}

/** A problem that stops a file being read, where the YAML parser put it. */
function unreadable(path: string, lineCounter: LineCounter, offset: number, message: string): ContentProblem {
  const position = lineCounter.linePos(offset);
  return { file: path, line: position.line, column: position.col, field: "", message: `The YAML cannot be read: ${message}` };
}

/**
 * `yaml` parses aliases (`*name`) but finds out only when making the data that one has no
 * anchor (`&name`) above it, or that they repeat a value so often that reading it would
 * never end (yaml's limit against "billion laughs" files).
 */
function aliasProblem(path: string, document: Document, lineCounter: LineCounter, message: string): ContentProblem {
  const unresolved = /^Unresolved alias[^:]*: (.+)$/.exec(message)?.[1];
  let offset = 0;
  yaml().visit(document, {
    Alias(_key, node) {
      if ((unresolved === undefined || node.source === unresolved) && node.range) {
        offset = node.range[0];
        return yaml().visit.BREAK;
      }
      return undefined;
    },
  });
  return unreadable(
    path,
    lineCounter,
    offset,
    unresolved !== undefined
      ? `'*${unresolved}' repeats a value marked '&${unresolved}', but no value above it is marked so. Mark the value with '&${unresolved}' before using it, or write the value out.`
      : `its aliases ('*name') repeat values too many times (${message.replace(/\.$/, "")}). Write the values out instead.`,
  );
}

interface ParsedYaml {
  document: Document;
  lineCounter: LineCounter;
}

function parseYaml(yamlText: string): ParsedYaml {
  const lineCounter = new (yaml().LineCounter)();
  const document = yaml().parseDocument(yamlText, { lineCounter, schema: "core", uniqueKeys: true, prettyErrors: false });
  return { document, lineCounter };
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

/** The YAML could not be read: what gray-matter's engine throws, with the problems for the editor. */
class UnreadableYaml extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems[0]?.message ?? "The YAML cannot be read.");
  }
}

/** Reads YAML by the fast path, or by `yaml` with its problems at their lines. */
function readYaml(path: string, yamlText: string): { data: unknown } | { problems: ContentProblem[] } {
  const fast = readFast(yamlText);
  if (fast) return fast;
  const { document, lineCounter } = parseYaml(yamlText);
  if (document.errors.length > 0) return { problems: document.errors.map((error) => yamlProblem(path, document, lineCounter, error)) };
  try {
    return { data: document.toJS() };
  } catch (error) {
    return { problems: [aliasProblem(path, document, lineCounter, error instanceof Error ? error.message : String(error))] };
  }
}

function yamlProblem(path: string, document: Document, lineCounter: LineCounter, error: YAMLError): ContentProblem {
  const unclosed = unclosedQuoteStart(document, error);
  const firstLine = error.message.split("\n")[0] ?? error.message;
  const quote = /closing (["'])/.exec(firstLine)?.[1] ?? '"';
  // The parser sets `linePos` only with prettyErrors on; the offset is always there.
  return unreadable(
    path,
    lineCounter,
    unclosed ?? error.pos[0],
    unclosed !== undefined
      ? `the text starting here opens a ${quote} quote that is never closed. Add the closing ${quote} at the end of the text, or remove the opening one.`
      : `${firstLine.replace(/ at line \d+, column \d+:?$/, "")}. Check the indentation, and put text containing ': ' or starting with a quote in quotes.`,
  );
}

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

function readMarkdown(path: string, text: string): { yaml: string; body: string; data: unknown } {
  return splitFrontmatter(text, (yaml) => {
    const read = readYaml(path, yaml);
    if ("problems" in read) throw new UnreadableYaml(read.problems);
    return read.data;
  });
}

export function readSource(path: string, bytes: Uint8Array, format: "markdown" | "yaml"): ReadResult {
  const text = decode(path, bytes);
  if (typeof text !== "string") return { ok: false, problems: [text] };
  if (format === "yaml") {
    const read = readYaml(path, text);
    if ("problems" in read) return { ok: false, problems: read.problems };
    return { ok: true, file: { path, data: read.data ?? {}, body: "", locate: locator(text, format) } };
  }
  if (!text.startsWith("---\n")) {
    return {
      ok: false,
      problems: [
        {
          file: path,
          line: 1,
          column: 1,
          field: "",
          message: "The file must start with frontmatter: a line '---', the fields in YAML, then another line '---'.",
        },
      ],
    };
  }
  try {
    const { yaml, body, data } = readMarkdown(path, text);
    return { ok: true, file: { path, data: data ?? {}, body, locate: locator(yaml, format) } };
  } catch (error) {
    if (error instanceof UnreadableYaml) return { ok: false, problems: error.problems };
    throw error;
  }
}
