/**
 * Carries out what a command planned by the writing rules (writing-rules.ts): the
 * definitions for an empty content folder, the files, then the manifest. Every file is
 * written whole (to a temporary name beside it, then renamed), and only where the plan
 * decided, which is only inside the content folder and never through a symbolic link:
 * src/content/write-inside.ts checks every folder on the way again as it writes.
 * `npm run import` and `npm run draft` both write through it.
 *
 * The manifest is written as the files are (every few seconds, and at the end), listing
 * only files already written: a command killed half way leaves a manifest that knows
 * what it wrote, and the few files written since its last save are recognised on the next
 * run by their bytes (writing-rules.ts).
 */
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { writeInside } from "../../content/write-inside.ts";
import { serialiseManifest, type Manifest, type ManifestEntry } from "./manifest.ts";

/** What a plan writes; every path absolute, and inside `contentDir`. */
export interface FilesToWrite {
  /** The content folder, absolute. */
  contentDir: string;
  /** Shipped definition files to copy into a content folder that had none. */
  copies: { from: string; to: string }[];
  /** Files to write whole (the text, or how to read it), each with its entry in the manifest when it is recorded there. */
  writes: { path: string; text: string | (() => string); entry?: ManifestEntry }[];
  /** The manifest's new text, when it is to be written; `before`, the manifest as it was read. */
  manifest?: { path: string; text: string; before?: Manifest };
}

/** How often the manifest is saved while files are written. */
const SAVE_EVERY_MS = 2000;

export function writePlanned(plan: FilesToWrite): void {
  const inside = (path: string) => relative(plan.contentDir, path).split(sep).join("/");
  for (const copy of plan.copies)
    writeInside(plan.contentDir, inside(copy.to), readFileSync(copy.from, "utf8"), "create");
  const manifest = plan.manifest;
  const recorded: Manifest | undefined = manifest?.before && { files: new Map(manifest.before.files) };
  const save = () =>
    recorded && manifest && writeInside(plan.contentDir, inside(manifest.path), serialiseManifest(recorded), "replace");
  let saved = Date.now();
  try {
    for (const file of plan.writes) {
      const text = typeof file.text === "function" ? file.text() : file.text;
      writeInside(plan.contentDir, inside(file.path), text, "replace");
      if (!recorded || !file.entry) continue;
      recorded.files.set(inside(file.path), file.entry);
      if (Date.now() - saved < SAVE_EVERY_MS) continue;
      save();
      saved = Date.now();
    }
  } catch (error) {
    // What was written before the failure is recorded, if the disk still takes the manifest.
    try {
      save();
    } catch {
      // The files are recognised by their bytes on the next run instead.
    }
    throw error;
  }
  if (manifest) writeInside(plan.contentDir, inside(manifest.path), manifest.text, "replace");
}
