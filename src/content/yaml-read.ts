/**
 * YAML text -> data, or the problems that say why not, each where the editor should look.
 *
 * A file is read with js-yaml first (yaml-fast.ts), ten times faster; a file js-yaml
 * refuses, or one holding what the two read differently, is read with `yaml`, whose
 * message and line the editor then gets, told in words an editor acts on: the line where
 * a quote or a bracket was opened rather than where the parser gave up, the key written
 * twice by name. What a parsed file may not hold (tags, `__proto__`, nesting too deep) is
 * in yaml-nodes.ts.
 */
import { appendAll } from "../model/arrays.ts";
import type { Document, LineCounter, YAMLError } from "yaml";
import type { ContentProblem } from "./problems.ts";
import { deepestLine, nodeProblems } from "./yaml-nodes.ts";
import { parseYaml, yaml, yamlProblemAt, type ParsedYaml } from "./yaml-parse.ts";
import { readFast } from "./yaml-fast.ts";

/** Errors of `yaml` whose own words are written for programmers, told for editors. */
const TOLD_BETTER: Partial<Record<YAMLError["code"], [message: string, fix: string]>> = {
  MULTIPLE_DOCS: [
    "A line '---' here starts a second YAML document, and a content file holds one.",
    "Remove the '---' line, or move what follows it into a file of its own.",
  ],
  TAB_AS_INDENT: ["This line is indented with a tab, which YAML does not allow.", "Indent with spaces instead."],
};

const READ_AGAIN = "Check the indentation, and put text containing ': ' or starting with a quote in quotes.";

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

/**
 * The parser reports a list or group left open (`[a, b` or `{a: 1`) on the line after,
 * where it found something else; the editor needs the line with the opening bracket.
 */
function unclosedFlowStart(document: Document, error: YAMLError): number | undefined {
  if (!/^Flow (sequence|map)/.test(error.message) && !/flow collection/i.test(error.message)) return undefined;
  let start: number | undefined;
  yaml().visit(document, {
    Collection(_key, node) {
      const range = node.range;
      if (node.flow && range && range[0] < error.pos[0] && (start === undefined || range[0] > start)) start = range[0];
    },
  });
  return start;
}

/** The key written again, and the line it was first written on. */
function duplicateKey(document: Document, lineCounter: LineCounter, error: YAMLError): { key: string; first: number } | undefined {
  if (error.code !== "DUPLICATE_KEY") return undefined;
  let found: { key: string; first: number } | undefined;
  yaml().visit(document, {
    Map(_key, node) {
      const again = node.items.find((pair) => yaml().isNode(pair.key) && pair.key.range?.[0] === error.pos[0]);
      if (!again || !yaml().isScalar(again.key)) return undefined;
      const key = String(again.key.value);
      const first = node.items.find((pair) => yaml().isScalar(pair.key) && String(pair.key.value) === key)?.key;
      const offset = yaml().isNode(first) ? first.range?.[0] : undefined;
      found = { key, first: offset === undefined ? 0 : lineCounter.linePos(offset).line };
      return yaml().visit.BREAK;
    },
  });
  return found;
}

function yamlProblem(path: string, text: string, { document, lineCounter }: ParsedYaml, error: YAMLError): ContentProblem {
  const at = (offset: number, message: string, fix: string) => yamlProblemAt(path, lineCounter, offset, message, fix);
  const firstLine = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
  const quoteStart = unclosedQuoteStart(document, error);
  if (quoteStart !== undefined) {
    const quote = /closing (["'])/.exec(firstLine)?.[1] ?? '"';
    return at(quoteStart, `The text starting here opens a ${quote} quote that is never closed.`, `Add the closing ${quote} at the end of the text, or remove the opening one.`);
  }
  const flowStart = unclosedFlowStart(document, error);
  if (flowStart !== undefined) {
    const bracket = text[flowStart] === "{" ? "{" : "[";
    const closing = bracket === "{" ? "}" : "]";
    return at(flowStart, `The ${bracket === "{" ? "group" : "list"} opened with '${bracket}' here is never closed with '${closing}' on its line.`, `Add the '${closing}' at the end of the line, or write one item per line instead.`);
  }
  const duplicate = duplicateKey(document, lineCounter, error);
  if (duplicate) {
    return at(error.pos[0], `'${duplicate.key}' is written twice in the same group (first on line ${duplicate.first}), and only one can count.`, `Keep one '${duplicate.key}:' and delete the other, or rename one if you meant another field.`);
  }
  const told = TOLD_BETTER[error.code];
  if (told) return at(error.pos[0], told[0], told[1]);
  return at(error.pos[0], `The YAML cannot be read: ${firstLine.replace(/\.$/, "")}.`, READ_AGAIN);
}

/** Nesting so deep that the parser ran out of stack: told at the line where it goes past the limit. */
function tooDeepProblem(path: string, text: string): ContentProblem {
  const offset = deepestLine(text);
  const before = text.slice(0, offset);
  return {
    file: path,
    line: before.split("\n").length,
    column: offset - before.lastIndexOf("\n"),
    field: "",
    message: "Lists and groups of fields are nested inside each other so deeply here that the file cannot be read.",
    fix: "Content needs a few levels at most: check the indentation, and that every '[' and '{' is closed.",
  };
}

/**
 * `yaml` parses aliases (`*name`) but finds out only when making the data that one has no
 * anchor (`&name`) above it, or that they repeat a value so often that reading it would
 * never end (yaml's limit against "billion laughs" files).
 */
function aliasProblem(path: string, { document, lineCounter }: ParsedYaml, message: string): ContentProblem {
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
  return unresolved !== undefined
    ? yamlProblemAt(path, lineCounter, offset, `'*${unresolved}' repeats a value marked '&${unresolved}', but no value above it is marked so.`, `Mark the value with '&${unresolved}' before using it, or write the value out.`)
    : yamlProblemAt(path, lineCounter, offset, `The YAML cannot be read: its aliases ('*name') repeat values too many times (${message.replace(/\.$/, "")}).`, "Write the values out instead.");
}

export interface YamlRead {
  /** Absent when nothing could be read. */
  data?: unknown;
  problems: ContentProblem[];
}

/** Reads YAML by `yaml`: the data (unless the file cannot be read), and every problem, at its line. */
function readSlowly(path: string, text: string): YamlRead {
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    // The parser recurses into nested lists and groups; thousands of levels exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    return { problems: [tooDeepProblem(path, text)] };
  }
  const { document } = parsed;
  // The parser may run out of stack on deep nesting and say so among its errors: that is the one to tell.
  if (document.errors.some((error) => /call stack/i.test(error.message))) return { problems: [tooDeepProblem(path, text)] };
  const problems: ContentProblem[] = [];
  try {
    // One mistake often makes several errors on its line: the first says it best.
    const lines = new Set<number>();
    for (const error of document.errors) {
      const problem = yamlProblem(path, text, parsed, error);
      if (!lines.has(problem.line)) problems.push(problem);
      lines.add(problem.line);
    }
  } catch (error) {
    // Finding where an error is walks the document, which recurses once per level too.
    if (!(error instanceof RangeError)) throw error;
    return { problems: [tooDeepProblem(path, text)] };
  }
  // A key written twice leaves the data readable (the last one counts); anything else does not.
  if (document.errors.some((error) => error.code !== "DUPLICATE_KEY")) return { problems };
  const nodes = nodeProblems(path, text, parsed);
  appendAll(problems, nodes.problems);
  if (!nodes.readable) return { problems };
  try {
    return { data: document.toJS(), problems };
  } catch (error) {
    return { problems: [...problems, aliasProblem(path, parsed, error instanceof Error ? error.message : String(error))] };
  }
}

/** Reads YAML by the fast path, or by `yaml` with its problems at their lines. */
export function readYaml(path: string, text: string): YamlRead {
  const fast = readFast(text);
  if (fast) return { data: fast.data, problems: [] };
  return readSlowly(path, text);
}
