/**
 * Pictures already drawn, by a hash of what they show: the job (the tree of boxes, or the
 * SVG, and the size) and the rasteriser's identity (fonts, satori's and resvg's versions).
 * A build of unchanged content finds every picture here and draws none; a picture whose
 * content changed gets a new hash, so a stale one is never used.
 *
 * The folder is inside the project (`.cache/images/`, git-ignored), never in the output:
 * a build's output folder is new every time. Files are written under a temporary name and
 * renamed into place, so a build stopped half-way never leaves half a picture to be found.
 * Pictures not used for 30 days are removed after a build (`prune`), so the folder does not
 * grow for ever as content changes.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { ImageJob } from "../render/image-tree.ts";

export interface ImageCache {
  readonly folder: string;
  /** The key of a job: the same job drawn by the same fonts and libraries has the same key. */
  key(job: ImageJob): string;
  /** The cached picture's file, or undefined. Marks it used. */
  find(key: string): string | undefined;
  /** The cached picture's size in bytes, or undefined when it is not there; marks nothing (a build's plan: src/publishing/fit.ts). */
  bytes(key: string): number | undefined;
  /** Stores a picture and returns its file. */
  put(key: string, bytes: Uint8Array): string;
  /** Removes pictures not used for `days`; returns how many. */
  prune(days: number): number;
}

export function openImageCache(folder: string, rasteriserIdentity: string): ImageCache {
  mkdirSync(folder, { recursive: true });
  const fileOf = (key: string) => join(folder, `${key}.png`);
  let temporary = 0;
  return {
    folder,
    key(job) {
      return createHash("sha256").update(rasteriserIdentity).update(JSON.stringify(job)).digest("hex");
    },
    find(key) {
      const file = fileOf(key);
      if (!existsSync(file)) return undefined;
      // Used now: prune keeps it. (Marking is best effort: a read-only cache still works.)
      try {
        const now = new Date();
        utimesSync(file, now, now);
      } catch {
        // Left as it was.
      }
      return file;
    },
    bytes(key) {
      try {
        return statSync(fileOf(key)).size;
      } catch {
        return undefined;
      }
    },
    put(key, bytes) {
      const file = fileOf(key);
      const partial = `${file}.${process.pid}-${temporary++}.partial`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      return file;
    },
    prune(days) {
      const before = Date.now() - days * 24 * 60 * 60 * 1000;
      let removed = 0;
      for (const name of readdirSync(folder)) {
        const file = join(folder, name);
        if (statSync(file).mtimeMs < before) {
          unlinkSync(file);
          removed++;
        }
      }
      return removed;
    },
  };
}
