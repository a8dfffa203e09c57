/**
 * Content problems told to a person at a terminal: grouped by file, each with its
 * `line:column`, the field and the sentence, then the line itself quoted with a caret
 * under the column (problem-quote.ts), and a final count. Colour only helps; the text says
 * everything without it (https://no-color.org).
 *
 * `npm run check` and `npm run new` print this; the live preview prints it in the terminal too.
 */
import { appendAll } from "../model/arrays.ts";
import { plural } from "../model/labels.ts";
import { problemQuote, type LinesOf } from "./problem-quote.ts";
import { foundText, printable, problemText, type ContentProblem } from "./problems.ts";

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

function describeProblem(problem: ContentProblem, linesOf: LinesOf, colours: Colours): string[] {
  const field = problem.field ? `${colours.field(printable(problem.field))}: ` : "";
  const out = [`  ${colours.location(`${problem.line}:${problem.column}`)}  ${field}${printable(`${problemText(problem)}${foundText(problem)}`)}`];
  const quote = problemQuote(problem, linesOf);
  if (quote) {
    out.push(`${colours.quote(`${String(problem.line).padStart(6)} |`)} ${quote.text}`);
    if (quote.caretLead !== undefined)
      out.push(`${colours.quote(`${" ".repeat(6)} |`)} ${quote.caretLead}${colours.marker("^")}`);
  }
  return out;
}

/**
 * Every problem, file by file (they arrive sorted), then the count; past `limit`, only the
 * first `limit` are told, then how many more there are, and in how many more files (a
 * report of 150,000 problems helps no one, and a terminal or CI log takes minutes to show it).
 */
export function problemReport(problems: readonly ContentProblem[], linesOf: LinesOf, colours: Colours, limit = Infinity): string {
  const files = new Set(problems.map((problem) => problem.file)).size;
  const told = problems.length > limit ? problems.slice(0, limit) : problems;
  return [
    ...byFile(told, linesOf, colours),
    ...leftOut(problems, told, "problem"),
    "",
    colours.bad(`${plural(problems.length, "problem")} in ${plural(files, "file")}.`),
  ].join("\n");
}

/** The line saying how many were not told, when some were not. */
function leftOut(all: readonly ContentProblem[], told: readonly ContentProblem[], what: string): string[] {
  if (told.length === all.length) return [];
  const toldFiles = new Set(told.map((problem) => problem.file));
  const moreFiles = new Set(all.slice(told.length).map((problem) => problem.file).filter((file) => !toldFiles.has(file))).size;
  const more = all.length - told.length;
  const where = moreFiles > 0 ? `, ${moreFiles === 1 ? "1 more file" : `${moreFiles.toLocaleString("en-GB")} more files`} among them` : "";
  return ["", `… and ${more.toLocaleString("en-GB")} more ${more === 1 ? what : `${what}s`}${where}, not listed here: the first ${told.length.toLocaleString("en-GB")} are. Fix these and check again, or list them all with npm run check -- --max-problems 0.`];
}

/**
 * Every notice, told the same way, then the count: what the content does not know yet
 * (notices.ts). Not problems: the build goes ahead.
 */
export function noticeReport(notices: readonly ContentProblem[], linesOf: LinesOf, colours: Colours, limit = Infinity): string {
  const files = new Set(notices.map((notice) => notice.file)).size;
  const count = `${plural(notices.length, "notice")} in ${plural(files, "file")}: grades, dates or kinds not on this site yet. Work for an editor; the site builds, and says what is not known.`;
  const told = notices.length > limit ? notices.slice(0, limit) : notices;
  return [...byFile(told, linesOf, colours), ...leftOut(notices, told, "notice"), "", count].join("\n");
}

function byFile(problems: readonly ContentProblem[], linesOf: LinesOf, colours: Colours): string[] {
  const out: string[] = [];
  let file: string | undefined;
  for (const problem of problems) {
    if (problem.file !== file) {
      if (file !== undefined) out.push("");
      file = problem.file;
      out.push(colours.file(printable(file)));
    }
    appendAll(out, describeProblem(problem, linesOf, colours));
  }
  return out;
}
