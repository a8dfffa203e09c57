/**
 * What the commands share: one way of reading their options (`--name value`, `--name=value`
 * and `--flag`, long names only), `--help` (or `-h`) on every command, and one answer to
 * misuse. Exit codes, the same for every command (docs/command-line.md): 0 it did what was
 * asked; 1 it ran and found problems (in the content, or what it made); 2 it was misused
 * (an unknown option, a missing or wrong value, a folder that is not there), and did nothing.
 */
import { opendirSync, readdirSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONTENT_FOLDERS } from "../content/load.ts";
import { closest } from "../content/suggest.ts";

export type ArgSpec = Record<
  string,
  { type: "string" | "boolean"; default?: string | boolean; /** one line for --help */ help: string }
>;

/** What a command's --help says, besides its options (which come from its ArgSpec). */
export interface CommandText {
  /** What follows "Usage: ", as `explainers build [--output <folder>] ...`. */
  usage: string;
  /** What it does, in a few sentences. */
  about: string;
  /** What its exit codes mean: `0 ...; 1 ...; 2 misused ...`. */
  exits: string;
}

export const MISUSE_EXIT = 2;

/** --content, the same on every command: the content folder, EXPLAINERS_CONTENT's or content/ when not given. */
export const contentOption = (help = "the content <folder>") =>
  ({ type: "string", default: process.env.EXPLAINERS_CONTENT ?? "content", help }) as const;

/** The one line a misused command prints after saying what was wrong. */
export const usageLine = (command: CommandText) =>
  `Usage: ${command.usage}\n(explainers ${command.usage.split(" ")[1]} --help says more)`;

/** A command's --help: usage, what it does, every option, the exit codes, and the same command in a clone. */
export function helpText(command: CommandText, spec: ArgSpec): string {
  const names = Object.entries(spec).map(([name, option]) => ({
    flag: `--${name}${option.type === "string" ? ` <${placeholder(option.help)}>` : ""}`,
    text: `${option.help.replace(/<([^>]+)>/g, "$1")}${typeof option.default === "string" && option.default !== "" ? ` (default ${option.default})` : ""}`,
  }));
  names.push({ flag: "--help, -h", text: "this help" });
  const width = names.reduce((widest, name) => Math.max(widest, name.flag.length), 0) + 2;
  const name = command.usage.split(" ")[1];
  return [
    `Usage: ${command.usage}`,
    "",
    wrap(command.about),
    "",
    "Options:",
    ...names.map((option) => `  ${option.flag.padEnd(width)}${option.text}`),
    "",
    wrap(`Exit codes: ${command.exits}.`),
    `In a clone of the project, \`npm run ${name} -- <options>\` runs the same command.`,
  ].join("\n");
}

/** A paragraph in lines of at most `width` characters, broken between words. */
export function wrap(text: string, width = 90): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join("\n");
}

/** The value's name in --help: the word in angle brackets in the option's help, or "value". */
function placeholder(help: string): string {
  return /<([^>]+)>/.exec(help)?.[1] ?? "value";
}

/**
 * The options and the other arguments, or: with --help, the help on stdout and exit 0; with
 * an unknown option or a missing value, what is wrong and the usage on stderr and exit 2.
 */
export function readArgs<S extends ArgSpec>(spec: S, command: CommandText, argv = process.argv.slice(2)) {
  const end = argv.indexOf("--");
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.includes("--help") || options.includes("-h")) {
    console.log(helpText(command, spec));
    process.exit(0);
  }
  const parsed = Object.fromEntries(
    Object.entries(spec).map(([name, { type, default: value }]) => [
      name,
      value === undefined ? { type } : { type, default: value },
    ]),
  );
  try {
    // The same options without their help, which parseArgs does not take; typed as given.
    return parseArgs({ args: argv, options: parsed as unknown as S, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${misuseMessage(error as Error & { code?: string }, Object.keys(spec))}\n\n${usageLine(command)}`);
    process.exit(MISUSE_EXIT);
  }
}

/** parseArgs's complaint in the project's words: an unknown option with the one probably meant (the bench's too). */
export function misuseMessage(error: Error & { code?: string }, names: string[]): string {
  const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
    const meant = closest(unknown.replace(/^-+/, "").split("=")[0]!, names);
    return `Unknown option ${unknown}.${meant ? ` Did you mean --${meant}?` : ""}`;
  }
  const missing = /^Option '(--[^ ']+)[^']*' argument missing/.exec(error.message)?.[1];
  if (missing) return `${missing} needs a value after it.`;
  return error.message;
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
