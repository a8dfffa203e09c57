/**
 * The files under the content folder, found and read without trusting the file system:
 * a folder or file that cannot be read (permissions), a symbolic link that leads nowhere
 * or round in a loop, a named pipe or a device, a file too large to be content. Each is a
 * problem with its path and what to do, never an exception and never a silent gap: a
 * build that skipped an unreadable folder would publish a site without its pages.
 * Problems of this kind are marked `unread`, as the content is then not all there:
 * `npm run build` stops with exit code 2 (src/cli/build.ts).
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { LIMITS } from "./limits.ts";
import { sentences, type ContentProblem } from "./problems.ts";
import { didYouMean } from "./suggest.ts";

/** Path relative to the project, with forward slashes, as problems name files. */
export function projectPath(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}

/**
 * `projectPath` for the many files under one folder (absolute, as `resolve` gives it),
 * without working out each file's path afresh: the folder's own is worked out once, and
 * each file's path below the folder added to it. That is the same answer unless the
 * project folder is the folder or inside it, when each path is worked out in full.
 */
export function projectPathsUnder(root: string, base: string): (path: string) => string {
  const project = resolve(root);
  const prefix = base.endsWith(sep) ? base : `${base}${sep}`;
  if (project === base || project.startsWith(prefix)) return (path) => projectPath(root, path);
  const baseShown = projectPath(root, base);
  return (path) => {
    if (!path.startsWith(prefix)) return projectPath(root, path);
    const below = path.slice(prefix.length);
    return `${baseShown}/${sep === "/" ? below : below.split(sep).join("/")}`;
  };
}

function unreadProblem(root: string, path: string, message: string, fix: string): ContentProblem {
  return { file: projectPath(root, path), line: 1, column: 1, field: "", message, fix, unread: true };
}

/** What an error from the file system means for an editor, and what to do about it. */
function fileSystemProblem(root: string, path: string, what: "file" | "folder", error: unknown): ContentProblem {
  const code = (error as NodeJS.ErrnoException).code;
  const shown = projectPath(root, path);
  if (code === "EACCES" || code === "EPERM")
    return unreadProblem(
      root,
      path,
      `This ${what} cannot be read: permission is denied, so its content would be left out of the site.`,
      `Make it readable (chmod ${what === "folder" ? "u+rx" : "u+r"} '${shown}'), or move it out of the content folder.`,
    );
  if (code === "ELOOP")
    return unreadProblem(root, path, "This is a symbolic link that leads round in a loop, so it cannot be read.", "Remove the link, or point it at a real file or folder.");
  if (code === "ENOENT")
    return unreadProblem(root, path, "This is a symbolic link to something that does not exist.", "Remove the link, or point it at the file or folder it was meant for.");
  if (code === "ENAMETOOLONG")
    return unreadProblem(root, path, "This path is longer than the file system allows.", "Move the file to a shorter path, with fewer folders.");
  return unreadProblem(root, path, `This ${what} cannot be read (${code ?? (error as Error).message}).`, "Check the disk, and that the file is where it should be.");
}

/** What a file that is neither a file nor a folder is, in words. */
function specialKind(stats: Stats): string {
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

function notAFile(root: string, path: string, stats: Stats): ContentProblem {
  return unreadProblem(root, path, `This is ${specialKind(stats)}, not a file, so it cannot be read as content.`, "Remove it from the content folder.");
}

/**
 * True (with its problem added) for a folder at the top of the content folder that is not
 * one of the content folders (`listing.folderNames`): nothing in it would be read, so it is
 * not walked (a node_modules or a copy of a website beside the content costs nothing).
 */
function strayFolder(root: string, path: string, name: string, inside: readonly string[], listing: Listing): boolean {
  if (inside.length !== 1 || !listing.folderNames || listing.folderNames.has(name)) return false;
  listing.problems.push({
    file: projectPath(root, path),
    line: 1,
    column: 1,
    field: "",
    message: "This folder is not one of the content folders, so nothing in it is read.",
    fix: sentences(
      didYouMean(name, [...listing.folderNames]),
      `Move its files into one of: ${[...listing.folderNames].join(", ")}; or move the folder out of the content folder.`,
    ),
  });
  return true;
}

export interface Listing {
  /** The only folders read at the top of the content folder (all, when not given). */
  folderNames?: ReadonlySet<string>;
  /** Absolute paths of the files, in name order within each folder. */
  files: string[];
  problems: ContentProblem[];
  /** `npm start` only: each folder's entries, kept while the folder's stamp is unchanged. */
  folders?: FolderCache;
}

/** A folder's entries in name order, each with its path (the folder's path joined with its name). */
export interface FolderEntries {
  entries: Dirent[];
  paths: string[];
}

/**
 * Folders' entries by path, with the folder's stamp when they were listed: a file added,
 * removed or renamed in a folder changes the folder's modification time, so a folder
 * whose stamp is unchanged has the same entries and is not listed again (`npm start`).
 */
export type FolderCache = Map<string, FolderEntries & { stamp: string }>;

function entriesOf(directory: string, folders: FolderCache | undefined): FolderEntries {
  let stamp: string | undefined;
  if (folders) {
    const stats = statSync(directory);
    stamp = `${stats.dev}:${stats.ino}:${stats.mtimeMs}:${stats.ctimeMs}`;
    const kept = folders.get(directory);
    if (kept?.stamp === stamp) return kept;
  }
  // The entries' types come with the listing: no stat per file (docs/performance.md).
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const listed = { entries, paths: entries.map((entry) => join(directory, entry.name)) };
  if (folders && stamp) folders.set(directory, { stamp, ...listed });
  return listed;
}

/**
 * Every file under `directory` (names starting with '.' left out), following symbolic
 * links; `inside` holds the real paths of the folders it is within, the last being
 * `directory`'s own, to tell a link back to one of them (a loop) from a link elsewhere.
 * It is one list for the whole walk: each folder adds its own while it is walked.
 */
function walk(root: string, directory: string, inside: string[], listing: Listing): void {
  let listed: FolderEntries;
  try {
    listed = entriesOf(directory, listing.folders);
  } catch (error) {
    listing.problems.push(fileSystemProblem(root, directory, "folder", error));
    return;
  }
  const { entries, paths } = listed;
  const real = inside[inside.length - 1]!;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.name.startsWith(".")) continue;
    const path = paths[index]!;
    // A folder that is not a link is where its parent is: no need to ask the file system.
    if (entry.isDirectory() && strayFolder(root, path, entry.name, inside, listing)) continue;
    if (entry.isDirectory()) {
      inside.push(real === directory ? path : join(real, entry.name));
      walk(root, path, inside, listing);
      inside.pop();
    } else if (entry.isFile()) listing.files.push(path);
    else {
      // A symbolic link is followed to what it leads to; anything else is told what it is.
      let stats: Stats;
      try {
        stats = statSync(path);
      } catch (error) {
        listing.problems.push(fileSystemProblem(root, path, "file", error));
        continue;
      }
      if (!stats.isFile() && !stats.isDirectory()) listing.problems.push(notAFile(root, path, stats));
      else if (entry.isSymbolicLink() && leavesContent(root, path, inside[0]!, listing)) continue;
      else if (stats.isDirectory() && strayFolder(root, path, entry.name, inside, listing)) continue;
      else if (stats.isDirectory()) walkLinked(root, path, inside, listing);
      else listing.files.push(path);
    }
  }
}

/** Whether `inner` is `outer` or inside it (both absolute, as `resolve` or `realpath` give them). */
export const isWithin = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/**
 * True (with its problem added) when the symbolic link at `path` leads outside the content
 * folder, whose real path is `content`: what it leads to is never read, so nothing of
 * another file (a key, a password file, another project) can reach the site or a problem
 * report. A link within the content folder is followed.
 */
function leavesContent(root: string, path: string, content: string, listing: Listing): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    listing.problems.push(fileSystemProblem(root, path, "file", error));
    return true;
  }
  if (isWithin(real, content)) return false;
  listing.problems.push(
    unreadProblem(
      root,
      path,
      "This is a symbolic link to something outside the content folder, so it is not read: only what is inside the content folder is published.",
      "Copy the file or folder into the content folder in place of the link, or remove the link.",
    ),
  );
  return true;
}

/** A folder reached through a symbolic link: walked unless it is one of the folders it is within. */
function walkLinked(root: string, path: string, inside: string[], listing: Listing): void {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    listing.problems.push(fileSystemProblem(root, path, "folder", error));
    return;
  }
  if (inside.includes(real)) {
    listing.problems.push(
      unreadProblem(root, path, `This symbolic link leads back to a folder it is inside (${projectPath(root, real) || "."}), so reading it would never end.`, "Remove the link."),
    );
    return;
  }
  inside.push(real);
  walk(root, path, inside, listing);
  inside.pop();
}

/** Every file under a folder of the content, with a problem for everything that could not be listed. */
export function listContentFiles(root: string, directory: string, folders?: FolderCache, folderNames?: ReadonlySet<string>): Listing {
  const listing: Listing = { files: [], problems: [], ...(folders ? { folders } : {}), ...(folderNames ? { folderNames } : {}) };
  let real: string;
  try {
    real = realpathSync(directory);
  } catch (error) {
    listing.problems.push(fileSystemProblem(root, directory, "folder", error));
    return listing;
  }
  walk(root, directory, [real], listing);
  return listing;
}

/** Bytes read, at most, to find a too-large file's longest line: the rest is never read (a 10 GB file is refused at once). */
const LOOKED_AT = 16 * LIMITS.fileBytes;

/**
 * The longest line in the first LOOKED_AT bytes of an open file and its length, read a
 * block at a time; `whole` is false when the file goes on past them.
 */
function longestLine(descriptor: number, size: number): { line: number; length: number; whole: boolean } {
  const block = Buffer.alloc(1 << 16);
  const longest = { line: 1, length: 0 };
  let line = 1;
  let length = 0;
  let seen = 0;
  const next = () => readSync(descriptor, block, 0, Math.min(block.length, LOOKED_AT - seen), null);
  for (let read = next(); read > 0; read = next()) {
    seen += read;
    for (let index = 0; index < read; index++) {
      if (block[index] === 0x0a) {
        if (length > longest.length) Object.assign(longest, { line, length });
        line++;
        length = 0;
      } else length++;
    }
  }
  if (length > longest.length) Object.assign(longest, { line, length });
  return { ...longest, whole: seen >= size };
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;

function tooLarge(root: string, path: string, size: number, descriptor: number): ContentProblem {
  const { line, length, whole } = longestLine(descriptor, size);
  const longest = whole
    ? `Line ${line} alone is ${length.toLocaleString("en-GB")} bytes.`
    : `In its first ${megabytes(LOOKED_AT)}, line ${line} is the longest, at ${length.toLocaleString("en-GB")} bytes; the rest was not looked at.`;
  return {
    ...unreadProblem(
      root,
      path,
      `This file is ${megabytes(size)}; a content file may be at most ${megabytes(LIMITS.fileBytes)}, so it is not read. ${longest}`,
      "Shorten it: say what matters in your own words and link to the report for the rest. If it is not content (a PDF, an image), move it out of the content folder.",
    ),
    line,
  };
}

/**
 * A file's bytes, or the problem that stops it being read. What the path is (a file, a
 * named pipe, a device, a socket) and its size are asked of the file system before it is
 * opened; it is opened without blocking, so a named pipe put in its place in between
 * cannot hang the check either; only a regular file of at most LIMITS.fileBytes is read,
 * and of a larger one at most its first LOOKED_AT bytes, to say which line is long.
 */
export function readContentBytes(root: string, path: string): Uint8Array | ContentProblem {
  let descriptor: number;
  try {
    // Asked first, without opening: opening a device can do something (rewind a tape, wait for a modem).
    const before = statSync(path);
    if (!before.isFile()) return notAFile(root, path, before);
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return fileSystemProblem(root, path, "file", error);
  }
  try {
    // Asked again of what was opened: the path may have been swapped in between.
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return notAFile(root, path, stats);
    if (stats.size > LIMITS.fileBytes) return tooLarge(root, path, stats.size, descriptor);
    // Read to the size just found: one stat, where readFileSync would make a second.
    const bytes = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    for (let read = -1; read !== 0 && filled < bytes.length; filled += Math.max(read, 0))
      read = readSync(descriptor, bytes, filled, bytes.length - filled, null);
    return bytes.subarray(0, filled);
  } catch (error) {
    return fileSystemProblem(root, path, "file", error);
  } finally {
    closeSync(descriptor);
  }
}
