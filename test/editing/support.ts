/** Shared by the editing tests: a throwaway copy of the sample content, and the real commands. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command-line tool from src/cli as `npm run` would, from the project folder, with stdin not a terminal. */
export function runTool(tool: "check" | "new" | "schemas" | "draft", args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const { NO_COLOR: _noColour, FORCE_COLOR: _forceColour, EXPLAINERS_CONTENT: _content, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [tsx, `src/cli/${tool}.ts`, ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...inherited, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding `content/`, a copy of the sample content. */
export function sampleCopy(prefix: string): { folder: string; content: string } {
  const folder = mkdtempSync(join(tmpdir(), `explainers-${prefix}-`));
  const content = join(folder, "content");
  cpSync(join(projectRoot, "content"), content, { recursive: true });
  return { folder, content };
}

/** Replaces `from` (which must occur exactly once) in a file. */
export function editFile(path: string, from: string, to: string): void {
  const text = readFileSync(path, "utf8");
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`Expected ${JSON.stringify(from)} once in ${path}, found it ${count} times.`);
  writeFileSync(
    path,
    text.replace(from, () => to),
  );
}
