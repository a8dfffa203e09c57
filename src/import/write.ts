/**
 * Carries out what a command planned by the writing rules (writing-rules.ts): the
 * definitions for an empty content folder, the files, then the manifest. Every file is
 * written whole (to a temporary name beside it, then renamed), and only where the plan
 * decided, which is only inside the content folder and never through a symbolic link:
 * src/content/write-inside.ts checks every folder on the way again as it writes.
 * `npm run import` and `npm run draft` both write through it.
 */
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { writeInside } from "../content/write-inside.ts";

/** What a plan writes; every path absolute, and inside `contentDir`. */
export interface FilesToWrite {
  /** The content folder, absolute. */
  contentDir: string;
  /** Shipped definition files to copy into a content folder that had none. */
  copies: { from: string; to: string }[];
  /** Files to write whole. */
  writes: { path: string; text: string }[];
  /** The manifest's new text, when it is to be written. */
  manifest?: { path: string; text: string };
}

export function writePlanned(plan: FilesToWrite): void {
  const inside = (path: string) => relative(plan.contentDir, path).split(sep).join("/");
  for (const copy of plan.copies)
    writeInside(plan.contentDir, inside(copy.to), readFileSync(copy.from, "utf8"), "create");
  for (const file of plan.writes) writeInside(plan.contentDir, inside(file.path), file.text, "replace");
  if (plan.manifest) writeInside(plan.contentDir, inside(plan.manifest.path), plan.manifest.text, "replace");
}
