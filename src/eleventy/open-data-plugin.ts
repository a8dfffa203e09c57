/**
 * Writes the open data (`openDataFiles` in src/site.ts) into the output after each build.
 * Files are written directly, not through templates: they are data, and one pass over the
 * model is all they need. Each is written as it is made, in pieces.
 * https://www.11ty.dev/docs/events/#eleventy.after
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { openDataFiles, type Site } from "../site.ts";
import type { EleventyConfig } from "./types.ts";

export interface OpenDataPluginOptions {
  /** The Site of the build that is running (current-site.ts). */
  site: () => Site;
}

export default function openDataPlugin(eleventyConfig: EleventyConfig, options: OpenDataPluginOptions): void {
  if (typeof options?.site !== "function") throw new Error("openDataPlugin needs the `site` option (current-site.ts).");
  eleventyConfig.on("eleventy.after", ({ directories }) => {
    if (!directories) throw new Error("Eleventy did not say where it wrote the site; the open data cannot be written.");
    const made = new Set<string>();
    for (const [path, pieces] of openDataFiles(options.site())) {
      const target = join(directories.output, path);
      const folder = dirname(target);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      // Piece by piece: the largest files are never held whole.
      const file = openSync(target, "w");
      try {
        for (const piece of pieces) writeSync(file, piece);
      } finally {
        closeSync(file);
      }
    }
  });
}
