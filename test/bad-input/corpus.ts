/**
 * The corpus of bad input: one file per kind in cases/, each a way people (or their
 * tools, or their file systems) break a project, and what `npm run check` and
 * `npm run build` must say and do about it. corpus.test.ts runs every case against a
 * fresh copy of the sample project; commands.test.ts runs some through the real commands.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { projectRoot } from "../fixtures/content.ts";

/** A problem check must report: where, and the words the editor must see. */
export interface Expected {
  /** From the project folder: `content/...` or `site.yaml`. */
  file: string;
  /** Left out where a case does not pin it (a parser's own position). */
  line?: number;
  column?: number;
  /** "" for the whole file. */
  field?: string;
  /** Words of what is wrong. */
  says: string | string[];
  /** Words of what to do. */
  fix: string | string[];
}

export interface BadInput {
  /** What was done, as a person would say it. */
  what: string;
  /** Files to write, by path from the project folder; a function is given the sample's text of that file. */
  files?: Record<string, string | Uint8Array | ((sample: string) => string)>;
  /** What files cannot say: links, permissions, folders, a named pipe. */
  setup?: (project: string) => void;
  /** Why the case means nothing here (undefined: it runs). */
  skip?: () => string | undefined;
  /** The --content option as given (`content` when left out). */
  content?: string;
  /**
   * The file system refuses the files to the user running the check (permissions): as
   * root, who may read anything, the commands are run without root's power to read what
   * permissions refuse (`unprivileged` below).
   */
  unprivileged?: boolean;
  /** Words of the message when the command itself is refused (exit 2) before any file is checked. */
  misuse?: string[];
  /** Words of a file that is not content (a linked /etc/passwd): never in any report, of check or of the build. */
  neverShown?: string;
  /** Every problem check reports, in its order (by file, then line). */
  problems: Expected[];
  /** What `npm run build` does: 0 builds, 1 refuses (problems), 2 refuses (not all read, or nothing to build). */
  build: 0 | 1 | 2;
}

export const badInput = (input: BadInput): BadInput => input;

/** Today for the corpus: fixed, so that a case's dates keep their meaning. */
export const TODAY = "2026-12-01";

/** `text` with `from` (which must be there exactly once) replaced by `to`. */
export function edit(from: string, to: string): (text: string) => string {
  return (text) => {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`Expected ${JSON.stringify(from)} once, found it ${count} times.`);
    return text.replace(from, () => to);
  };
}

/** Several edits, one after the other. */
export const edits =
  (...steps: ((text: string) => string)[]) =>
  (text: string): string =>
    steps.reduce((current, step) => step(current), text);

/** The line (from 1) of the one line holding `needle` in the sample file with `change` applied. */
export function lineIn(path: string, needle: string, change: (text: string) => string = (text) => text): number {
  const lines = change(readFileSync(join(projectRoot, path), "utf8")).split("\n");
  const found = lines.flatMap((line, index) => (line.includes(needle) ? [index + 1] : []));
  if (found.length !== 1)
    throw new Error(`Expected ${JSON.stringify(needle)} on one line of ${path}, found ${found.length}.`);
  return found[0]!;
}

export const I2024 = "content/inspections/oxfordshire/2024-standard-inspection.md";
export const I2018 = "content/inspections/oxfordshire/2018-short-inspection.md";
export const OXFORDSHIRE = "content/organisations/oxfordshire.md";
export const RESTRUCTURE = "content/events/oxfordshire/2017-restructure.md";
export const FOUR_POINT = "content/scales/ofsted-four-point.yaml";

/** A copy of the sample project (content/ and site.yaml) with the case's damage done; readable by anyone. */
export function makeProject(input: BadInput): string {
  const project = mkdtempSync(join(tmpdir(), "explainers-bad-input-"));
  chmodSync(project, 0o755);
  cpSync(join(projectRoot, "content"), join(project, "content"), { recursive: true });
  cpSync(join(projectRoot, "site.yaml"), join(project, "site.yaml"));
  for (const [path, contents] of Object.entries(input.files ?? {})) {
    const target = join(project, path);
    mkdirSync(dirname(target), { recursive: true });
    const sample = (): string => readFileSync(join(projectRoot, path), "utf8");
    writeFileSync(target, typeof contents === "function" ? contents(sample()) : contents);
  }
  input.setup?.(project);
  return project;
}

/** Removes a case's project, giving back any permission a case took away first. */
export function removeProject(project: string): void {
  spawnSync("chmod", ["-R", "u+rwX", project]);
  rmSync(project, { recursive: true, force: true });
}

const tsx = createRequire(import.meta.url).resolve("tsx/cli");

export interface CommandRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * What root's own power to read and enter anything is called: without these two
 * capabilities root is refused by permissions like any user.
 */
const DROP_READ_ANYTHING = ["--bounding-set", "-dac_override,-dac_read_search"];

/**
 * How a command runs so that permissions refuse it what they refuse other users. Not root:
 * as it is. Root: still as root (so it can reach the project, node_modules and tsx wherever
 * the clone is, a mode-700 folder included), without the power to read anything
 * (`setpriv`, util-linux); where there is no setpriv, as `nobody`, when nobody can reach
 * tsx. Undefined, with the reason, when neither can be done.
 */
export function unprivileged(): Unprivileged | string {
  return (found ??= findUnprivileged());
}

interface Unprivileged {
  /** The program and its arguments, as run. */
  wrap: (command: string, args: string[]) => [string, string[]];
  uid?: number;
  gid?: number;
}

let found: Unprivileged | string | undefined;

function findUnprivileged(): Unprivileged | string {
  const as = (command: string, args: string[]): [string, string[]] => [command, args];
  if (process.getuid?.() !== 0) return { wrap: as };
  if (spawnSync("setpriv", [...DROP_READ_ANYTHING, "true"]).status === 0)
    return { wrap: (command, args) => ["setpriv", [...DROP_READ_ANYTHING, command, ...args]] };
  const reach = spawnSync(
    process.execPath,
    ["-e", `require("fs").accessSync(${JSON.stringify(tsx)}, require("fs").constants.R_OK)`],
    {
      uid: 65534,
      gid: 65534,
    },
  );
  if (reach.status === 0) return { wrap: as, uid: 65534, gid: 65534 };
  return "run as root without setpriv, and the user nobody cannot reach node_modules/tsx here (a clone in a folder only its owner can enter), so no user the permissions refuse can run the check";
}

/** A command of src/cli run from the project folder, as a publisher would; refused by permissions like any user when asked (`unprivileged`). */
export function runCommand(project: string, command: "check" | "build", args: string[], refused = false): CommandRun {
  const { NO_COLOR: _noColour, FORCE_COLOR: _forceColour, EXPLAINERS_CONTENT: _content, ...inherited } = process.env;
  const how = refused ? unprivileged() : undefined;
  if (typeof how === "string") throw new Error(`Cannot run ${command} unprivileged: ${how}.`);
  const [program, programArgs] = (how?.wrap ?? ((name: string, list: string[]): [string, string[]] => [name, list]))(
    process.execPath,
    [tsx, join(projectRoot, "src/cli", `${command}.ts`), ...args],
  );
  const result = spawnSync(program, programArgs, {
    cwd: project,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...inherited, HOME: tmpdir() },
    timeout: 120_000,
    ...(how?.uid !== undefined ? { uid: how.uid, gid: how.gid } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
