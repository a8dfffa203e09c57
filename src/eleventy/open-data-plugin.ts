/**
 * Writes the open data (`openDataFiles` in src/site.ts, made by src/render/open-data-files.ts) into the output after each build.
 * Files are written directly, not through templates: they are data, and one pass over the
 * model is all they need. Each is written as it is made, in pieces.
 *
 * The preview (`npm start`) serves them instead, each made when asked for from the Site
 * of the latest build: made after every edit, they took longer than everything else an
 * edit changes (20 s at 40,000 inspections), and no page of the preview needs them. Asked
 * for, a file is the one `npm run build` writes from the same Site.
 * https://www.11ty.dev/docs/events/#eleventy.after
 * https://www.11ty.dev/docs/dev-server/#middleware
 */
import { closeSync, createWriteStream, mkdirSync, openSync, writeSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import { openDataFiles, type Site } from "../site.ts";
import type { EleventyConfig } from "./types.ts";

export interface OpenDataPluginOptions {
  /** The Site of the build that is running (src/preview/current-site.ts). */
  site: () => Site;
}

const TYPES: Record<string, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  gz: "application/gzip",
};

/**
 * A file whose path ends `.gz` is given as its text: it is compressed as it is written (or
 * served), piece by piece. The same text always compresses to the same bytes (Node's gzip
 * writes no time or name in its header).
 */
const compressed = (path: string): boolean => path.endsWith(".gz");

/** Answers a request for an open data file of the preview's current Site; anything else goes on. */
export function openDataMiddleware(site: () => Site, pathPrefix: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const current = site();
    if (current.problems.length > 0 || (request.method !== "GET" && request.method !== "HEAD")) return next();
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      // Not an address that can be read (a stray '%'): not an open data file. The preview's guard answers it with 400.
      return next();
    }
    const inside = path.startsWith(pathPrefix) ? path.slice(pathPrefix.length) : undefined;
    // Every open data file is under /data/ (src/render/urls.ts).
    if (!inside?.startsWith("data/")) return next();
    for (const [file, pieces] of openDataFiles(current)) {
      if (file !== inside) continue;
      response.statusCode = 200;
      response.setHeader("Content-Type", TYPES[file.slice(file.lastIndexOf(".") + 1)] ?? "text/plain; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      if (request.method !== "GET") response.end();
      else if (compressed(file))
        void pipeline(Readable.from(pieces), createGzip(), response).catch(() => response.destroy());
      else {
        for (const piece of pieces) response.write(piece);
        response.end();
      }
      return;
    }
    next();
  };
}

export default function openDataPlugin(eleventyConfig: EleventyConfig, options: OpenDataPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("openDataPlugin needs the `site` option (src/preview/current-site.ts).");
  const prefix = options.site().settings.pathPrefix;
  eleventyConfig.setServerOptions({
    middleware: [openDataMiddleware(options.site, prefix.endsWith("/") ? prefix : `${prefix}/`)],
  });
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (!directories) throw new Error("Eleventy did not say where it wrote the site; the open data cannot be written.");
    if (runMode === "serve") return;
    const made = new Set<string>();
    for (const [path, pieces] of openDataFiles(options.site())) {
      const target = join(directories.output, path);
      const folder = dirname(target);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      if (compressed(path)) {
        await pipeline(Readable.from(pieces), createGzip(), createWriteStream(target));
        continue;
      }
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
