/** The little argument parsing the command-line tools share: `--name value` and `--flag`. */
import { readdirSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
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
  if (stats?.isDirectory()) return undefined;
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
