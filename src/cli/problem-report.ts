/**
 * Content problems told to a person at a terminal: grouped by file, each with its
 * `line:column`, the field and the sentence, then the line itself quoted with a caret
 * under the column, and a final count. Colour only helps; the text says everything
 * without it (https://no-color.org).
 *
 * `npm run check` prints this; the live preview prints it in the terminal too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ContentProblem } from "../content/problems.ts";

export interface Colours {
  file(text: string): string;
  location(text: string): string;
  field(text: string): string;
  marker(text: string): string;
  quote(text: string): string;
  bad(text: string): string;
  good(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const ANSI_COLOURS: Colours = {
  file: ansi(1, 22),
  location: ansi(2, 22),
  field: ansi(1, 22),
  marker: ansi(31, 39),
  quote: ansi(2, 22),
  bad: ansi(31, 39),
  good: ansi(32, 39),
};

const same = (text: string) => text;
export const NO_COLOURS: Colours = {
  file: same,
  location: same,
  field: same,
  marker: same,
  quote: same,
  bad: same,
  good: same,
};

/**
 * Colour only on a terminal, and never when NO_COLOR is set to anything
 * (https://no-color.org). FORCE_COLOR (other than "0") turns it on for tools that pipe
 * output but show colour, as Node's own `util.styleText` does.
 */
export function coloursFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colours {
  if (env.NO_COLOR) return NO_COLOURS;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return ANSI_COLOURS;
  return stream.isTTY ? ANSI_COLOURS : NO_COLOURS;
}

/** The lines of a file, or undefined when it cannot be read as UTF-8 text. */
export type LinesOf = (file: string) => readonly string[] | undefined;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads each file once, relative to `root`. */
export function linesFromDisk(root: string): LinesOf {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let lines: readonly string[] | undefined;
      try {
        lines = utf8
          .decode(readFileSync(join(root, file)))
          .replace(/^\uFEFF/, "")
          .split(/\r\n?|\n/);
      } catch {
        lines = undefined;
      }
      cache.set(file, lines);
    }
    return cache.get(file);
  };
}

const QUOTE_WIDTH = 100;

/**
 * The problem's line, cut to fit a terminal around the column, and where the caret goes
 * in what is shown (0 for none). A caret under column 1 adds nothing, so it is left out.
 */
export function quotedLine(line: string, column: number): { text: string; caret: number } {
  let text = line;
  let caret = column > 1 ? column : 0;
  if (text.length > QUOTE_WIDTH) {
    const start = Math.max(0, Math.min(column - 1 - 20, text.length - QUOTE_WIDTH));
    const cut = text.slice(start, start + QUOTE_WIDTH);
    text = `${start > 0 ? "…" : ""}${cut}${start + QUOTE_WIDTH < line.length ? "…" : ""}`;
    if (caret > 0) caret = caret - start + (start > 0 ? 1 : 0);
  }
  return { text, caret };
}

/**
 * Worth quoting when the line is where the mistake is: a line the YAML reader stopped on,
 * a list item, or a line naming the field. A missing field is reported where its parent
 * starts, and quoting that line would only point somewhere else.
 */
export function worthQuoting(problem: ContentProblem, line: string): boolean {
  if (line.trim() === "") return false;
  if (problem.field === "") return problem.line > 1 || problem.column > 1;
  if (problem.field.endsWith("]")) return true;
  return line.includes(problem.field.slice(problem.field.lastIndexOf(".") + 1));
}

function describeProblem(problem: ContentProblem, linesOf: LinesOf, colours: Colours): string[] {
  const field = problem.field ? `${colours.field(problem.field)}: ` : "";
  const found = problem.found === undefined ? "" : ` (found ${problem.found})`;
  const out = [`  ${colours.location(`${problem.line}:${problem.column}`)}  ${field}${problem.message}${found}`];
  const line = linesOf(problem.file)?.[problem.line - 1];
  if (line !== undefined && worthQuoting(problem, line)) {
    const { text, caret } = quotedLine(line, problem.column);
    const gutter = String(problem.line).padStart(6);
    out.push(`${colours.quote(`${gutter} |`)} ${text}`);
    if (caret > 0) {
      // Tabs are copied so the caret lines up however wide the terminal shows them.
      const lead = text.slice(0, caret - 1).replace(/[^\t]/g, " ");
      out.push(`${colours.quote(`${" ".repeat(6)} |`)} ${lead}${colours.marker("^")}`);
    }
  }
  return out;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Every problem, file by file (they arrive sorted), then the count. */
export function problemReport(problems: readonly ContentProblem[], linesOf: LinesOf, colours: Colours): string {
  const out: string[] = [];
  let file: string | undefined;
  for (const problem of problems) {
    if (problem.file !== file) {
      if (file !== undefined) out.push("");
      file = problem.file;
      out.push(colours.file(file));
    }
    out.push(...describeProblem(problem, linesOf, colours));
  }
  const files = new Set(problems.map((problem) => problem.file)).size;
  out.push("", colours.bad(`${plural(problems.length, "problem")} in ${plural(files, "file")}.`));
  return out.join("\n");
}
