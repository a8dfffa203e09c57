/** The content check after `npm run import` or `npm run draft` has written: the files it wrote must pass it as the build's. */
import { relative, resolve, sep } from "node:path";
import { checkContent } from "../content/index.ts";
import type { ContentProblem } from "../content/problems.ts";
import type { FileOutcome } from "../authoring/import/types.ts";

/**
 * Every problem in the content folder, those in the files a command created or updated,
 * and the notices (what the content does not know yet: src/content/notices.ts).
 */
export function checkWritten(
  root: string,
  content: string,
  files: readonly FileOutcome[],
): { problems: ContentProblem[]; ours: ContentProblem[]; notices: ContentProblem[] } {
  const written = new Set(
    files
      .filter((file) => file.status === "created" || file.status === "updated")
      .map((file) =>
        relative(root, resolve(root, content, file.path))
          .split(sep)
          .join("/"),
      ),
  );
  const { problems, notices } = checkContent(root, content);
  return { problems, ours: problems.filter((problem) => written.has(problem.file)), notices };
}
