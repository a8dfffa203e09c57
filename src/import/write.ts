/**
 * Carries out what a command planned by the writing rules (writing-rules.ts): the
 * definitions for an empty content folder, the files, then the manifest. Every file is
 * written whole (to a temporary name beside it, then renamed), and only where the plan
 * decided, which is only inside the content folder and never through a symbolic link.
 * `npm run import` and `npm run draft` both write through it.
 */
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** What a plan writes; every path absolute. */
export interface FilesToWrite {
  /** Shipped definition files to copy into a content folder that had none. */
  copies: { from: string; to: string }[];
  /** Files to write whole. */
  writes: { path: string; text: string }[];
  /** The manifest's new text, when it is to be written. */
  manifest?: { path: string; text: string };
}

/** Writes a whole file or nothing: a temporary file beside it, then a rename. */
function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.import-tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export function writePlanned(plan: FilesToWrite): void {
  for (const copy of plan.copies) {
    mkdirSync(dirname(copy.to), { recursive: true });
    copyFileSync(copy.from, copy.to);
  }
  for (const file of plan.writes) writeWhole(file.path, file.text);
  if (plan.manifest) writeWhole(plan.manifest.path, plan.manifest.text);
}
