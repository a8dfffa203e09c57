/**
 * What a large build holds of its finished pages: as little as Eleventy allows.
 *
 * Eleventy keeps every finished page in memory until the whole build ends: the page is
 * cached on its template and is part of what `write()` returns (`results` in
 * `eleventy.after`). At 20,000 inspections that is 550 MB of pages already on disk, and
 * it was what kept the build above its memory goal (docs/performance.md). Two steps:
 *
 * 1. Finished pages become UTF-8 bytes instead of strings. Our pages hold characters
 *    beyond Latin-1 (typographic quotes, dashes), so V8 stores each as two bytes a
 *    character; a Buffer takes its UTF-8 size, and Eleventy writes Buffers as they are
 *    (https://www.11ty.dev/docs/transforms/), so the files are byte-for-byte the same.
 * 2. In a build (not `npm start`, whose dev server may read pages back), the bytes of a page
 *    are released once Eleventy has written them: each page's bytes get an ArrayBuffer of
 *    their own, and once the file is on disk with every byte, that ArrayBuffer is
 *    transferred away and dropped, which leaves Eleventy holding an empty Buffer. "On disk"
 *    is proved, not assumed: a file at the page's path with the page's size is the one
 *    Eleventy wrote, because no file was there before (the output folder was empty when
 *    the build began, as `npm run build`'s staging folder always is; otherwise any file at
 *    the path is removed first, as Eleventy is about to replace it anyway). A page not yet
 *    proved written is kept and checked again later; at worst memory is not saved, and a
 *    page is never lost. test/build/page-memory.test.ts builds with and without this and
 *    compares every byte.
 *
 * Whatever reads finished pages must do it in a transform that runs before this one (the
 * sitemap's noindex check does, src/eleventy/publishing-plugin.ts), not from `results`.
 * So this transform runs last: it is added from a nested plugin, which Eleventy runs after
 * the plugins added in the config, including its own HTML transformer (HtmlBasePlugin).
 *
 * Step 2 empties buffers Eleventy still holds, which no Eleventy API offers: it rests on
 * when Eleventy 3.1.7 writes a page and what it keeps of it. So the plugin refuses to start
 * on any other version (`versionCheck`, as eleventy-plugin-rss does), rather than risk a
 * page quietly lost or kept; docs/performance.md (item 11) says what to check before
 * widening the range.
 */
import { readdirSync, statSync, unlinkSync } from "node:fs";
import type { EleventyConfig } from "./types.ts";

interface Held {
  path: string;
  bytes: Buffer;
}

/** The size of the file at `path`, or -1 when there is none. */
function sizeOnDisk(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/** True when the folder does not exist or holds nothing. */
function isEmptyFolder(path: string): boolean {
  try {
    return readdirSync(path).length === 0;
  } catch {
    return true;
  }
}

/** The Eleventy versions this plugin was checked against, by test/build/page-memory.test.ts. */
export const CHECKED_ELEVENTY = "3.1.7";

export interface PageMemoryOptions {
  /** Release pages after they are written in a build; off to keep every page's bytes (for tests). */
  release?: boolean;
}

export default function pageMemoryPlugin(eleventyConfig: EleventyConfig, options: PageMemoryOptions = {}): void {
  try {
    eleventyConfig.versionCheck(CHECKED_ELEVENTY);
  } catch (error) {
    throw new Error(
      `src/eleventy/page-memory-plugin.ts lets go of pages Eleventy still holds, as Eleventy ${CHECKED_ELEVENTY} allows; ` +
        `run test/build/page-memory.test.ts on this version, then widen CHECKED_ELEVENTY (docs/performance.md). ` +
        (error instanceof Error ? error.message : String(error)),
    );
  }
  let release = false;
  /** The output folder was empty when the build began: no file at a page's path but Eleventy's. */
  let freshOutput = false;
  const held: Held[] = [];

  /** Drops the bytes of every held page that is on disk in full. */
  function releaseWritten(): void {
    let kept = 0;
    for (const page of held) {
      if (sizeOnDisk(page.path) === page.bytes.byteLength)
        structuredClone(page.bytes.buffer, { transfer: [page.bytes.buffer] });
      else held[kept++] = page;
    }
    held.length = kept;
  }

  eleventyConfig.on("eleventy.before", ({ runMode, directories }) => {
    release = (options.release ?? true) && runMode === "build";
    freshOutput = directories !== undefined && isEmptyFolder(directories.output);
    held.length = 0;
  });
  eleventyConfig.on("eleventy.after", () => {
    releaseWritten();
    held.length = 0;
  });

  eleventyConfig.addPlugin((nested: EleventyConfig) => {
    nested.addTransform("page-memory", function (content) {
      const path = this.outputPath;
      if (typeof content !== "string" || typeof path !== "string" || !path.endsWith(".html")) return content;
      if (!release) return Buffer.from(content);
      releaseWritten();
      // Its own ArrayBuffer (never Node's shared pool), so that releasing it frees only this page.
      const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(content));
      bytes.write(content);
      if (!freshOutput) {
        try {
          unlinkSync(path);
        } catch {
          // Nothing there yet.
        }
      }
      held.push({ path, bytes });
      return bytes;
    });
  });
}
