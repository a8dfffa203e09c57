/**
 * The folders a build works in beside its output: `.site-build-<pid>` (the new site, until
 * it is swapped in) and `.site-old-<pid>` (the old one, until it is removed). A build that
 * is killed leaves its folders behind; the next build removes those whose process has
 * gone, and leaves alone those of a build still running (two builds at once each keep
 * their own). A process id can be reused: a folder whose id now belongs to another
 * process is kept until that process ends, which costs disk space, never a running build.
 */
import { lstatSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isRunning } from "../content/processes.ts";

const WORKING = /^\.site-(?:build|old)-(\d+)$/;

export function stagingFolder(parent: string, pid: number): string {
  return join(parent, `.site-build-${pid}`);
}

export function retiredFolder(parent: string, pid: number): string {
  return join(parent, `.site-old-${pid}`);
}

/** Removes the working folders in `parent` left by builds that are no longer running; returns their names. */
export function removeAbandoned(parent: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const pid = Number(WORKING.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) return false;
    const path = join(parent, name);
    try {
      // Only a real folder: a symbolic link of that name is not ours to follow.
      if (!lstatSync(path).isDirectory()) return false;
      rmSync(path, { recursive: true, force: true });
      return true;
    } catch {
      return false; // gone already, or not ours to remove: it does not stop this build
    }
  });
}
