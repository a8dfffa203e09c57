/**
 * Content problems for tools: what `npm run check -- --json` prints, one JSON document
 * whose shape is documented in docs/editing.md. Fields are only ever added, never renamed
 * or removed.
 */
import type { ContentSet } from "./content-set.ts";
import { problemText, type ContentProblem } from "./problems.ts";

export interface CheckReport {
  version: 1;
  ok: boolean;
  problemCount: number;
  fileCount: number;
  /**
   * `message` is the whole of what the editor is told (what is wrong, then what to do), as
   * `npm run check` prints it; `fix` is what to do on its own.
   */
  problems: (Omit<ContentProblem, "found" | "unread"> & { found: string | null })[];
  /** What the content does not know yet (grades, visit dates, kinds): work for an editor, not problems. */
  noticeCount: number;
  notices: (Omit<ContentProblem, "found" | "unread"> & { found: string | null })[];
  /** Files of each kind that could be read and are in the format; checks across files may still find problems in them. */
  checked: Record<keyof ContentSet, number>;
  /** Problems not in `problems` (past the limit: `npm run check -- --max-problems`); `problemCount` counts them all. */
  problemsLeftOut: number;
  /** Notices not in `notices`, the same way. */
  noticesLeftOut: number;
}

const asJson = (problem: ContentProblem) => ({
  file: problem.file,
  line: problem.line,
  column: problem.column,
  field: problem.field,
  found: problem.found ?? null,
  message: problemText(problem),
  fix: problem.fix,
});

/** How many problems (and notices) `npm run check` lists at most, unless told `--max-problems`. */
export const PROBLEMS_LISTED = 1_000;

export function checkReport(
  content: ContentSet,
  problems: readonly ContentProblem[],
  notices: readonly ContentProblem[] = [],
  limit = Infinity,
): CheckReport {
  const listed = (all: readonly ContentProblem[]) => (all.length > limit ? all.slice(0, limit) : all);
  return {
    version: 1,
    ok: problems.length === 0,
    problemCount: problems.length,
    fileCount: new Set(problems.map((problem) => problem.file)).size,
    problems: listed(problems).map(asJson),
    noticeCount: notices.length,
    notices: listed(notices).map(asJson),
    checked: {
      inspectorates: content.inspectorates.length,
      scales: content.scales.length,
      frameworks: content.frameworks.length,
      organisations: content.organisations.length,
      inspections: content.inspections.length,
      events: content.events.length,
    },
    problemsLeftOut: problems.length - listed(problems).length,
    noticesLeftOut: notices.length - listed(notices).length,
  };
}

/** The report as printed: indented, as people read it too. */
export function checkReportJson(
  content: ContentSet,
  problems: readonly ContentProblem[],
  notices: readonly ContentProblem[] = [],
  limit = Infinity,
): string {
  return JSON.stringify(checkReport(content, problems, notices, limit), null, 2);
}
