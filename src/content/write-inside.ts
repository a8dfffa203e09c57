/**
 * Writing a file into the content folder, and nowhere else. A path is refused if it leaves
 * the folder by its words (`..`, an absolute path) or through a symbolic link: every
 * folder on the way is checked to be a real folder (and made, one at a time, when it is
 * missing), and the file is opened with O_NOFOLLOW, so a link put in its place is not
 * written through either. `npm run import` and `npm run new` write only through here.
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { isAbsolute, join, normalize, sep } from "node:path";

/** A path that would be written outside the content folder, or through a link; nothing was written. */
export class OutsideContentFolder extends Error {
  override name = "OutsideContentFolder";
}

/** The file already exists (only when creating). */
export class AlreadyExists extends Error {
  override name = "AlreadyExists";
}

function kindAt(path: string): "missing" | "folder" | "link" | "other" {
  try {
    const stats = lstatSync(path);
    return stats.isSymbolicLink() ? "link" : stats.isDirectory() ? "folder" : "other";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

/** The folders from `folder` down to the file's, each made if missing and refused if it is a link or a file. */
function foldersOnTheWay(folder: string, parts: readonly string[], shown: string): void {
  let current = folder;
  for (const part of parts) {
    current = join(current, part);
    const kind = kindAt(current);
    if (kind === "missing") mkdirSync(current);
    else if (kind === "link")
      throw new OutsideContentFolder(`${shown} would be written through ${current}, a symbolic link (it may lead outside the content folder); nothing is ever written through one.`);
    else if (kind === "other") throw new OutsideContentFolder(`${shown} would be written inside ${current}, which is a file, not a folder.`);
  }
}

function writeNew(path: string, text: string): void {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new AlreadyExists(`${path} already exists.`);
    throw error;
  }
  try {
    writeSync(descriptor, text);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Writes `text` to `path` (relative, with forward slashes) inside `folder`. `create`
 * fails with AlreadyExists if anything is there; `replace` writes the whole file to a
 * temporary name beside it, then renames it over the old one, so a reader never sees half.
 */
export function writeInside(folder: string, path: string, text: string, mode: "create" | "replace"): void {
  const relative = normalize(path);
  const parts = relative.split(sep);
  if (isAbsolute(path) || parts.includes("..") || parts.some((part) => part === "") || parts.length === 0)
    throw new OutsideContentFolder(`${path} is not a path inside the content folder.`);
  mkdirSync(folder, { recursive: true });
  foldersOnTheWay(folder, parts.slice(0, -1), path);
  const target = join(folder, relative);
  const kind = kindAt(target);
  if (kind === "link") throw new OutsideContentFolder(`${path} is a symbolic link; nothing is ever written through one.`);
  if (mode === "create") {
    writeNew(target, text);
    return;
  }
  const temporary = join(folder, ...parts.slice(0, -1), `.${parts[parts.length - 1]}.${process.pid}.tmp`);
  rmSync(temporary, { force: true });
  writeNew(temporary, text);
  renameSync(temporary, target);
}
