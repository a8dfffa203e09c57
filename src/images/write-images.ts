/**
 * Puts every picture a build needs into the output: from the cache where it is there,
 * drawn (and cached) where it is not, several at once (draw-pool.ts).
 */
import { availableParallelism } from "node:os";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { performance } from "node:perf_hooks";
import type { ImageCache } from "./image-cache.ts";
import type { ImageJob } from "../render/image-tree.ts";
import type { Rasteriser } from "./rasterise.ts";

export interface ImageTarget {
  /** The file to write, in the output folder. */
  file: string;
  job: ImageJob;
  /** What it is, for an error: "the share image of organisations/oxfordshire/2024-standard-inspection". */
  what: string;
}

export interface ImagesReport {
  /** Pictures drawn in this build. */
  drawn: number;
  /** Pictures found in the cache. */
  cached: number;
  /** Wall time of the whole step, in seconds. */
  seconds: number;
}

/**
 * Takes the targets one at a time as it needs them, so that a build of thousands holds
 * only the few pictures being drawn, not every picture's description at once.
 */
export async function writeImages(
  targets: Iterable<ImageTarget>,
  rasteriser: Rasteriser,
  cache: ImageCache,
): Promise<ImagesReport> {
  const started = performance.now();
  const folders = new Set<string>();
  const place = (from: string, file: string) => {
    const folder = dirname(file);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    copyFileSync(from, file);
  };
  const pending = targets[Symbol.iterator]();
  const report = { drawn: 0, cached: 0 };
  // After a failure every lane stops before the error is thrown, so nothing is written late.
  let failure: Error | undefined;
  const lane = async (): Promise<void> => {
    for (let next = pending.next(); !next.done && !failure; next = pending.next()) {
      const target = next.value;
      const key = cache.key(target.job);
      const found = cache.find(key);
      if (found) {
        place(found, target.file);
        report.cached++;
        continue;
      }
      try {
        place(cache.put(key, await rasteriser.draw(target.job)), target.file);
        report.drawn++;
      } catch (error) {
        failure ??= new Error(`${target.what} could not be drawn: ${(error as Error).message}`, { cause: error });
      }
    }
  };
  // Enough lanes to keep every worker of a pool busy (two jobs each), and no more.
  await Promise.all(Array.from({ length: 2 * availableParallelism() }, lane));
  if (failure) throw failure;
  return { ...report, seconds: (performance.now() - started) / 1000 };
}
