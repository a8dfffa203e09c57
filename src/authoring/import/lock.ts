/**
 * One command at a time writes drafts into a content folder. `npm run import` and
 * `npm run draft` each read the folder, decide, then write files and the manifest: two at
 * once would each decide on what the other is changing, and the manifest would keep only
 * the files of the one that wrote it last. So a writing command first makes
 * `<content>/.import-lock`, holding its process id, and removes it when it is done.
 *
 * A lock whose process is no longer running (the command was killed) is stale: it is
 * taken over, and the command says so. A lock of a running process stops the command.
 */
import { closeSync, constants, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { ImportSetupError } from "./types.ts";
import { isRunning } from "../../content/processes.ts";

export const LOCK_NAME = ".import-lock";

const UNREADABLE_STALE_MS = 10_000;

export interface Lock {
  /** A stale lock's holder that was taken over, for the command to mention. */
  tookOver?: string;
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
  command: string;
}

function holderOf(path: string): Holder | undefined {
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as Partial<Holder>;
    if (typeof data.pid !== "number") return undefined;
    return {
      pid: data.pid,
      host: String(data.host ?? ""),
      since: String(data.since ?? ""),
      command: String(data.command ?? "an import"),
    };
  } catch {
    return undefined;
  }
}

function create(path: string, command: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o644,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command };
    writeSync(descriptor, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(descriptor);
  }
  return true;
}

/**
 * Takes the content folder's lock for `command` ("npm run import"), making the folder if it
 * is not there yet. Throws an ImportSetupError when another command holds it.
 */
export function lockContent(contentDir: string, given: string, command: string): Lock {
  mkdirSync(contentDir, { recursive: true });
  const path = join(contentDir, LOCK_NAME);
  let tookOver: string | undefined;
  for (let attempt = 0; !create(path, command); attempt++) {
    const holder = holderOf(path);
    const here = holder === undefined || holder.host === hostname();
    // A lock with nothing readable in it may be one being made this moment: stale only once it is old.
    const fresh = holder === undefined && Date.now() - statSync(path).mtimeMs < UNREADABLE_STALE_MS;
    if (attempt > 0 || fresh || (holder !== undefined && (!here || isRunning(holder.pid)))) {
      const who = holder
        ? `${holder.command} (process ${holder.pid}${here ? "" : ` on ${holder.host}`}, since ${holder.since})`
        : "another command";
      throw new ImportSetupError(
        `${given} is locked: ${who} is writing into it (${given}/${LOCK_NAME}). Wait for it to finish; two at once would overwrite each other's manifest. If no such command is running, delete ${given}/${LOCK_NAME}.`,
      );
    }
    // Stale: its process has ended without removing it (it was killed), or it cannot be read.
    tookOver = holder
      ? `${holder.command} (process ${holder.pid}, since ${holder.since}) was stopped before it finished`
      : "an unreadable lock file was left behind";
    rmSync(path, { force: true });
  }
  return {
    ...(tookOver ? { tookOver } : {}),
    release: () => {
      if (holderOf(path)?.pid === process.pid) rmSync(path, { force: true });
    },
  };
}
