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
  /** A sentence saying what is wrong and what would be right. */
  message: string;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
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
 * problem-report.ts; tools get problem-json.ts; the live preview gets problem-page.ts.
 */
export function formatProblem(problem: ContentProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const field = problem.field ? `${problem.field}: ` : "";
  return `${where}  ${field}${problem.message}${foundText(problem)}`;
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
