/**
 * When `npm run build` must not replace the published site, and what it says: content or
 * site.yaml with problems (exit 1); content it could not all read, which would publish a
 * site without some of its pages (exit 2); a site of no inspections at all, most likely a
 * wrong --content or an emptied folder (exit 2, unless `--allow-empty`).
 */
import { readdirSync } from "node:fs";
import { sep } from "node:path";
import { ContentError } from "../content/problems.ts";
import { BUILD_MARKER, notWrittenByABuild, realOutput } from "./output-folder.ts";
import type { Site } from "../site.ts";

export interface Refusal {
  exitCode: 1 | 2;
  message: string;
}

export function buildRefusal(site: Site, options: { content: string; allowEmpty: boolean }): Refusal | undefined {
  if (site.problems.length > 0) {
    const unread = site.problems.filter((problem) => problem.unread).length;
    const couldNotRead =
      unread === 0
        ? ""
        : `\n\n${unread === 1 ? "A file or folder" : `${unread} files or folders`} could not be read, so the site would be missing content.`;
    return { exitCode: unread > 0 ? 2 : 1, message: `${new ContentError(site.problems).message}${couldNotRead}` };
  }
  if (site.model.inspections.length === 0 && !options.allowEmpty) {
    return {
      exitCode: 2,
      message: `${options.content} holds no inspections, so the site would have none. Check that --content names the right folder; if an empty site is what you want, build it with --allow-empty.`,
    };
  }
  return undefined;
}

const isWithin = (inner: string, outer: string) =>
  inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/**
 * A build replaces its output folder whole, so an --output that is (or holds, or is inside)
 * the project or the content folder would delete them, and so would a folder of anything
 * else. Only a missing or empty folder, one holding the marker an earlier build wrote
 * (output-folder.ts), or one that looks exactly like a build from before the marker, is
 * used. `output` is where the build writes, its links resolved (realOutput).
 */
export function outputRefusal(root: string, content: string, output: string): Refusal | undefined {
  const refuse = (
    why: string,
    what = "A build replaces its output folder whole. Name a folder of its own, like _site.",
  ): Refusal => ({
    exitCode: 2,
    message: `${why} ${what}`,
  });
  const [project, contentFolder] = [realOutput(root), realOutput(content)];
  if (isWithin(project, output)) return refuse(`The output folder ${output} holds the project itself.`);
  if (isWithin(output, contentFolder) || isWithin(contentFolder, output))
    return refuse(`The output folder ${output} is, holds or is inside the content folder ${contentFolder}.`);
  let names: string[] = [];
  try {
    names = readdirSync(output);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return refuse(
      `The output folder ${output} is not a folder it can replace (${(error as NodeJS.ErrnoException).code === "ENOTDIR" ? "it is a file" : "it cannot be read"}).`,
    );
  }
  if (names.length === 0 || names.includes(BUILD_MARKER)) return undefined;
  if (!names.includes("index.html"))
    return refuse(
      `The output folder ${output} holds files but no built site (no index.html, and not the ${BUILD_MARKER} a build writes), so building would delete them.`,
    );
  const others = notWrittenByABuild(output);
  if (others.length === 0) return undefined;
  return refuse(
    `The output folder ${output} holds files a build did not write (${others.join(", ")}${others.length >= 5 ? ", ..." : ""}), so building would delete them; nothing was deleted.`,
    `A build replaces its output folder whole: move them out of it, or name another folder with --output. If it is a site a build wrote and nothing in it is yours, say so with an empty file named ${BUILD_MARKER} in it.`,
  );
}

const DISK_FULL: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the disk is read-only",
};

/**
 * The disk full (or read-only) while building, in a sentence: an error of the file system
 * found in `error` or what it was caused by (Eleventy wraps what it is given), or named in
 * its message (Pagefind's, from its own process). Undefined for anything else.
 */
export function diskProblem(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause && depth < 10; depth++) {
    const { code, path, message } = cause as NodeJS.ErrnoException;
    const named =
      code && DISK_FULL[code]
        ? code
        : Object.keys(DISK_FULL).find((each) => typeof message === "string" && message.includes(each));
    if (named)
      return `The site could not be written: ${DISK_FULL[named]} (${named}${path ? `, writing ${path}` : ""}). Free some space (or name an --output on another disk), then build again.`;
    cause =
      (cause as { cause?: unknown; originalError?: unknown }).originalError ?? (cause as { cause?: unknown }).cause;
  }
  return undefined;
}
