/**
 * `explainers <command> [options]`: the project's one command line (bin/explainers.js runs
 * it through tsx). It names the command's script and runs it, with the options after the
 * command's name; each command reads its own options (args.ts) and answers `--help`.
 * docs/command-line.md.
 *
 * Exit codes, as every command's: 0 ok; 1 problems found; 2 misused (here: no command, or
 * one that does not exist).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { closest } from "../content/suggest.ts";
import { MISUSE_EXIT, wrap } from "./args.ts";

/** Each command, the script that is it, and what it does in a line. */
const COMMANDS = {
  build: { script: "./build.ts", summary: "check all content and build the site into _site/ (or --output)" },
  start: { script: "./start.ts", summary: "the live preview of the site on this computer, rebuilt as you save" },
  check: { script: "./check.ts", summary: "check all content and site.yaml as the build does, without building" },
  new: { script: "./new.ts", summary: "write a new inspection, organisation or event, ready to fill in" },
  import: { script: "./import.ts", summary: "turn a spreadsheet of inspections into draft content files" },
  draft: { script: "./draft.ts", summary: "draft inspection files from Ofsted's report PDFs" },
  schemas: { script: "./schemas.ts", summary: "rewrite the JSON Schemas and forms editors' tools read" },
  cms: { script: "./cms.ts", summary: "the content manager (Decap CMS) on this computer" },
} as const satisfies Record<string, { script: string; summary: string }>;

type CommandName = keyof typeof COMMANDS;

function overallHelp(): string {
  const width = Object.keys(COMMANDS).reduce((widest, name) => Math.max(widest, name.length), 0) + 2;
  return [
    "Usage: explainers <command> [options]",
    "       explainers <command> --help",
    "",
    wrap(
      "Inspection explainers: pages that explain inspections to the public, built from a content folder of Markdown and YAML files. Run the commands in the site's folder, the one with site.yaml and the content folder.",
    ),
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}${summary}`),
    "",
    "Options: --help (-h) says what a command does and every option it takes; --version.",
    "Exit codes: 0 ok; 1 problems found (in the content, or in what a command made); 2 misused.",
    "In a clone of the project, `npm run <command> -- <options>` runs the same commands.",
  ].join("\n");
}

function version(): string {
  const manifest = fileURLToPath(new URL("../../package.json", import.meta.url));
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** The command's script to run, or what to print and the exit code when there is none to run. */
function route(
  argv: readonly string[],
): { script: string; args: string[] } | { out?: string; err?: string; exitCode: number } {
  const [name, ...rest] = argv;
  if (name === undefined) return { err: overallHelp(), exitCode: MISUSE_EXIT };
  if (name === "--help" || name === "-h" || name === "help") {
    // `explainers help build` is `explainers build --help`.
    const about = rest[0];
    if (about !== undefined && Object.hasOwn(COMMANDS, about)) return route([about, "--help"]);
    return { out: overallHelp(), exitCode: 0 };
  }
  if (name === "--version" || name === "-v") return { out: version(), exitCode: 0 };
  if (Object.hasOwn(COMMANDS, name)) return { script: COMMANDS[name as CommandName].script, args: rest };
  const meant = closest(name.replace(/^-+/, ""), Object.keys(COMMANDS));
  const what = name.startsWith("-")
    ? `Name a command before its options (got ${name}).`
    : `There is no command '${name}'.`;
  const commands = `The commands are ${Object.keys(COMMANDS).join(", ")}; explainers --help says what each does.`;
  return { err: `${what}${meant ? ` Did you mean explainers ${meant}?` : ""}\n${commands}`, exitCode: MISUSE_EXIT };
}

const routed = route(process.argv.slice(2));
if ("script" in routed) {
  const script = fileURLToPath(new URL(routed.script, import.meta.url));
  // The command reads its options from process.argv, as when it is run on its own.
  process.argv.splice(1, Infinity, script, ...routed.args);
  await import(script);
} else {
  if (routed.out !== undefined) console.log(routed.out);
  if (routed.err !== undefined) console.error(routed.err);
  process.exitCode = routed.exitCode;
}
