/**
 * The output folder a build replaces whole, and how it knows the folder is its own: every
 * build writes a marker file into the site it makes (`.explainers-build`), and replaces
 * only a folder that is missing, empty, or holds the marker. A folder without it is
 * adopted only when it looks exactly like a site a build wrote before the marker existed
 * (docs/publishing.md, "The output folder"): only names and kinds of file a build writes,
 * no hidden file, no link. Anything else (a CNAME, notes, .git) would be deleted, so the
 * build refuses it and says why.
 */
import { opendirSync, realpathSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";

/** The marker: a build wrote this folder, and the next may replace it. */
export const BUILD_MARKER = ".explainers-build";

/** The marker's text: the same in every build, so builds of the same content are the same bytes. */
export const MARKER_TEXT =
  "This folder was written by npm run build (inspection explainers), which replaces it whole.\n" +
  "Keep nothing else here: the next build deletes whatever it did not write.\n";

/**
 * Where a build writes: the output with its symbolic links resolved, so that an `--output`
 * that is a link (to a web server's folder) has its target updated and stays a link. A
 * folder not there yet is made where its parent really is.
 */
export function realOutput(output: string): string {
  const path = resolve(output);
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** Names at the top of a site that builds wrote before the marker existed. */
const TOP_NAMES = new Set([
  "404.html",
  "_headers",
  "a-to-z",
  "admin",
  "assets",
  "data",
  "embed",
  "feed.xml",
  "frameworks",
  "grades",
  "index.html",
  "inspections",
  "manifest.webmanifest",
  "national",
  "organisations",
  "pagefind",
  "regions",
  "robots.txt",
  "search",
  "sitemap.xml",
  "types",
]);
const NUMBERED = /^(?:pagefind-\d+|sitemap-\d+\.xml)$/;

/** Kinds of file a build writes (pages, feeds, data, pictures, scripts, the search index, the content manager). */
const EXTENSIONS = new Set(
  "html xml txt json csv css js png svg webmanifest wasm yml pagefind pf_filter pf_fragment pf_index pf_meta"
    .split(" ")
    .map((extension) => `.${extension}`),
);

/** At most this many of what is not a build's are named in the message. */
const NAMED = 5;

/**
 * What in `folder` a build did not write (paths from the folder, the first few), or []
 * when it looks exactly like an earlier build of this project's. Read one entry at a time,
 * and only until the first few are found.
 */
export function notWrittenByABuild(folder: string): string[] {
  const found: string[] = [];
  const walk = (directory: string, shown: string, top: boolean): void => {
    const opened = opendirSync(directory);
    try {
      for (let entry = opened.readSync(); entry !== null && found.length < NAMED; entry = opened.readSync()) {
        const path = shown ? `${shown}/${entry.name}` : entry.name;
        const ours =
          !entry.name.startsWith(".") &&
          (!top || TOP_NAMES.has(entry.name) || NUMBERED.test(entry.name)) &&
          (entry.isDirectory() || (entry.isFile() && (EXTENSIONS.has(extname(entry.name)) || path === "_headers")));
        if (!ours) found.push(entry.isDirectory() ? `${path}/` : path);
        else if (entry.isDirectory()) walk(join(directory, entry.name), path, false);
      }
    } finally {
      opened.closeSync();
    }
  };
  walk(folder, "", true);
  return found;
}
