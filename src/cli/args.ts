/** The little argument parsing the command-line tools share: `--name value` and `--flag`. */
import { opendirSync, readdirSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONTENT_FOLDERS } from "../content/load.ts";
import { closest } from "../content/suggest.ts";

export type ArgSpec = Record<string, { type: "string" | "boolean"; default?: string | boolean }>;

export function readArgs<S extends ArgSpec>(spec: S, usage: string, argv = process.argv.slice(2)) {
  try {
    return parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

/**
 * Why `given` (the --content option) is not a content folder, with the folder the user
 * probably meant ("contnet" -> "content"); undefined when it is one.
 */
export function notAContentFolder(root: string, given: string): string | undefined {
  const path = resolve(root, given);
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch {
    stats = undefined;
  }
  if (stats?.isDirectory()) return unlikeContent(path, given);
  let siblings: string[] = [];
  try {
    siblings = readdirSync(dirname(path), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
      .map((entry) => entry.name);
  } catch {
    siblings = [];
  }
  const meant = closest(basename(path), siblings);
  const suggestion = meant && meant !== basename(path) ? ` Did you mean ${join(dirname(given), meant)}?` : "";
  const what = stats ? `${given} is a file, not a content folder.` : `There is no content folder ${given}.`;
  return `${what}${suggestion} Run this from the project folder, or name the folder with --content.`;
}

const CONTENT_NAMES = new Set(Object.keys(CONTENT_FOLDERS));

/**
 * Why a folder does not look like a content folder, before anything in it is walked: a
 * content folder holds at least one of the content folders (inspectorates/, scales/,
 * frameworks/, organisations/, inspections/, events/), or nothing but a README and names
 * starting with '.' (an empty one, before the first import). `--content /` or a home
 * folder is refused at once, instead of being read to the end. The entries are read one
 * at a time and only until a content folder's name is met. A folder that cannot be listed
 * is left to the check, which says why.
 */
export function unlikeContent(path: string, given: string): string | undefined {
  let others = 0;
  let folder;
  try {
    folder = opendirSync(path);
  } catch {
    return undefined;
  }
  try {
    for (let entry = folder.readSync(); entry !== null; entry = folder.readSync()) {
      if (CONTENT_NAMES.has(entry.name)) return undefined;
      if (!entry.name.startsWith(".") && !/^readme(\.md)?$/i.test(entry.name)) others++;
    }
  } catch {
    return undefined;
  } finally {
    folder.closeSync();
  }
  if (others === 0) return undefined;
  return (
    `${given} does not look like a content folder: it holds none of ${[...CONTENT_NAMES].map((name) => `${name}/`).join(", ")}, ` +
    `so it is not read. Name the folder that holds them with --content (docs/content-format.md, "The content folder").`
  );
}
