import { plural } from "../model/labels.ts";

/**
 * A problem an editor must fix, told the way they can act on it: which file, which line,
 * which field, what was found there and what would be right. Every reader and check adds
 * to one list so that a build reports everything at once, not one error per run.
 */
export interface ContentProblem {
  /** Path relative to the project, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, like "judgements.help-and-protection"; "" for the whole file. */
  field: string;
  /** What was there, shown back to the editor; undefined when the field is missing. */
  found?: string;
  /** What is wrong, as a sentence. */
  message: string;
  /** What to do about it: what would be right, as a sentence or two. */
  fix: string;
  /**
   * The file or folder could not be read at all (permissions, a broken link, not a file):
   * the content is not all there, so `npm run build` stops with exit code 2.
   */
  unread?: true;
}

/** What is wrong, then what to do: the whole of what an editor is told. */
export function problemText(problem: Pick<ContentProblem, "message" | "fix">): string {
  return problem.fix ? `${problem.message} ${problem.fix}` : problem.message;
}

const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Text safe to print to a terminal: control characters (an ESC from a file name or a
 * quoted line would start an escape sequence) shown as U+FFFD, one column each.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, "\uFFFD");
}

/** Sentences joined with a space, the empty ones left out: `sentences(didYouMean(...), "Allowed: ...")`. */
export function sentences(...parts: readonly string[]): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(" ");
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  // `published:` with nothing after it: YAML reads null, which an editor never wrote.
  if (value === null) return "nothing after the colon";
  if (typeof value === "string") {
    // A pasted page is not shown back whole: its start, and how long it is.
    if (value.length <= 120) return JSON.stringify(value);
    return `${JSON.stringify(`${value.slice(0, 60)}…`)} (${value.length.toLocaleString("en-GB")} characters)`;
  }
  if (Array.isArray(value)) return "a list";
  if (value !== null && typeof value === "object") return "a group of fields";
  return String(value);
}

/** Sorted by file, then line, so output is stable and reads top to bottom. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field),
  );
}

/** What was found, as it follows the sentence: " (found 'Good')", or "" when nothing was. */
export function foundText(problem: ContentProblem): string {
  return problem.found === undefined ? "" : ` (found ${problem.found})`;
}

/**
 * One line per problem, for a list inside another message (an error, the import's
 * report): `file:line:column  field: message (found ...)`. A person at a terminal gets
 * problem-report.ts; tools get problem-json.ts; the live preview gets src/preview/problem-page.ts.
 */
export function formatProblem(problem: ContentProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const field = problem.field ? `${problem.field}: ` : "";
  return printable(`${where}  ${field}${problemText(problem)}${foundText(problem)}`);
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    const sorted = sortProblems(problems);
    super(`${plural(sorted.length, "problem")} in the content:\n${sorted.map(formatProblem).join("\n")}`);
    this.name = "ContentError";
    this.problems = sorted;
  }
}
