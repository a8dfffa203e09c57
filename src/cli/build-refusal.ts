/**
 * When `npm run build` must not replace the published site, and what it says: content or
 * site.yaml with problems (exit 1); content it could not all read, which would publish a
 * site without some of its pages (exit 2); a site of no inspections at all, most likely a
 * wrong --content or an emptied folder (exit 2, unless `--allow-empty`).
 */
import { readdirSync } from "node:fs";
import { sep } from "node:path";
import { ContentError } from "../content/problems.ts";
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
 * the project or the content folder, or a folder of other files, would delete them.
 * Only a missing or empty folder, or one holding an earlier build (its index.html), is used.
 */
export function outputRefusal(root: string, content: string, output: string): Refusal | undefined {
  const refuse = (why: string): Refusal => ({
    exitCode: 2,
    message: `${why} A build replaces its output folder whole. Name a folder of its own, like _site.`,
  });
  if (isWithin(root, output)) return refuse(`The output folder ${output} holds the project itself.`);
  if (isWithin(output, content) || isWithin(content, output))
    return refuse(`The output folder ${output} is, holds or is inside the content folder ${content}.`);
  let names: string[] = [];
  try {
    names = readdirSync(output);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return refuse(
      `The output folder ${output} is not a folder it can replace (${(error as NodeJS.ErrnoException).code === "ENOTDIR" ? "it is a file" : "it cannot be read"}).`,
    );
  }
  if (names.length > 0 && !names.includes("index.html"))
    return refuse(
      `The output folder ${output} holds files but no built site (it has no index.html), so building would delete them.`,
    );
  return undefined;
}
