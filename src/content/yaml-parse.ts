/**
 * `yaml`, the parser that can say where everything was written: loaded only when a file
 * needs it, and always asked the same way.
 */
import { createRequire } from "node:module";
import type { Document, LineCounter } from "yaml";
import type { ContentProblem } from "./problems.ts";

const require = createRequire(import.meta.url);

/**
 * `yaml`, loaded the first time a file needs it (Node keeps it after that): a check with
 * no problem never does, and loading it was a twentieth of `npm run check` at 1,000
 * inspections (docs/performance.md).
 */
export const yaml = (): typeof import("yaml") => (loaded ??= require("yaml") as typeof import("yaml"));
/** Kept here too: asking `require` again each time, through tsx's loader, cost 0.8 ms a call (124 s for 150,000 problems). */
let loaded: typeof import("yaml") | undefined;

export interface ParsedYaml {
  document: Document;
  lineCounter: LineCounter;
}

/** Parsed with the YAML 1.2 core schema; a key written twice is an error. */
export function parseYaml(yamlText: string): ParsedYaml {
  const lineCounter = new (yaml().LineCounter)();
  const document = yaml().parseDocument(yamlText, { lineCounter, schema: "core", uniqueKeys: true, prettyErrors: false });
  return { document, lineCounter };
}

/** A problem in the YAML at an offset in its text, for the whole file (field ""). */
export function yamlProblemAt(path: string, lineCounter: LineCounter, offset: number, message: string, fix: string): ContentProblem {
  const position = lineCounter.linePos(offset);
  return { file: path, line: position.line, column: position.col, field: "", message, fix };
}
