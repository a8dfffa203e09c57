/**
 * The line a problem is on, quoted with a caret under its column: shared by the terminal
 * report (problem-report.ts) and the live preview's page (src/preview/problem-page.ts), so both show
 * the same cut of the same line.
 */
import { realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { isWithin, readContentBytes } from "./content-files.ts";
import { printable, type ContentProblem } from "./problems.ts";

/** The lines of a file, or undefined when it cannot be read as UTF-8 text. */
export type LinesOf = (file: string) => readonly string[] | undefined;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads each file once, relative to `root`, and only a file that is content: one whose
 * real path is inside the content folder (`contentFolder`, relative to `root`; by default
 * EXPLAINERS_CONTENT or `content`), or the project's own site.yaml. A problem report
 * never prints a line of anything else, whatever a problem's path names or a link leads to.
 */
export function linesFromDisk(root: string, contentFolder = process.env.EXPLAINERS_CONTENT ?? "content"): LinesOf {
  const cache = new Map<string, readonly string[] | undefined>();
  const isContent = contentFiles(root, contentFolder);
  return (file) => {
    if (!cache.has(file)) {
      let lines: readonly string[] | undefined;
      const path = join(root, file);
      // Read as content is read: a named pipe or a huge file in its place is not quoted.
      const bytes = isContent(path) ? readContentBytes(root, path) : undefined;
      try {
        lines = bytes instanceof Uint8Array ? utf8.decode(bytes).replace(/^\uFEFF/, "").split(/\r\n?|\n/) : undefined;
      } catch {
        lines = undefined;
      }
      cache.set(file, lines);
    }
    return cache.get(file);
  };
}

const realOrNothing = (path: string): string | undefined => {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
};

/** Whether a path is, by its real path, a content file or the project's site.yaml. */
function contentFiles(root: string, contentFolder: string): (path: string) => boolean {
  const project = realOrNothing(root);
  const content = realOrNothing(resolve(root, contentFolder));
  const settings = realOrNothing(join(root, "site.yaml"));
  const siteYaml = project !== undefined && settings !== undefined && isWithin(settings, project) ? settings : undefined;
  return (path) => {
    const real = realOrNothing(path);
    if (real === undefined) return false;
    return real === siteYaml || (content !== undefined && real !== content && isWithin(real, content));
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

export interface ProblemQuote {
  /** The line as shown: cut around the column when long. */
  text: string;
  /**
   * What goes before the caret so that it sits under the column: a space for each
   * character, tabs copied so it lines up however wide they show. Absent: no caret.
   */
  caretLead?: string;
}

/** The problem's line, when it is worth quoting and can be read. */
export function problemQuote(problem: ContentProblem, linesOf: LinesOf): ProblemQuote | undefined {
  const line = linesOf(problem.file)?.[problem.line - 1];
  if (line === undefined || !worthQuoting(problem, line)) return undefined;
  const { text, caret } = quotedLine(printable(line), problem.column);
  return caret > 0 ? { text, caretLead: text.slice(0, caret - 1).replace(/[^\t]/g, " ") } : { text };
}
