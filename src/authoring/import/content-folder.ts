/**
 * The content folder as a command that writes drafts finds it, read before anything is
 * decided: the organisations and inspections already there, the manifest of earlier
 * imports, and what is at each path an import may write to. `npm run import` and
 * `npm run draft` both read it, and the writing rules (writing-rules.ts) decide over it.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { ContentSet } from "../../content/content-set.ts";
import type { InspectionData, OrganisationData } from "../../content/schema.ts";
import { MANIFEST_NAME, ManifestError, parseManifest, type Manifest } from "./manifest.ts";
import { ImportSetupError } from "./types.ts";

/** What is at a path in the content folder: a file, a symbolic link, a folder, or (not listed) nothing. */
export type Occupant = "file" | "link" | "folder";

export interface FolderSnapshot {
  /** Paths relative to the content folder, with forward slashes; a path not here holds nothing. */
  entries: ReadonlyMap<string, Occupant>;
  /** The text of each file an earlier import wrote that is still a plain file. */
  imported: ReadonlyMap<string, string>;
  /** The text of a plain file in the folder, read when asked (undefined when it is not one). */
  read?: (path: string) => string | undefined;
}

export interface ContentFolder {
  /** The content folder, absolute. */
  contentDir: string;
  /** What the content folder already holds; paths relative to it. */
  organisations: { id: string; data: OrganisationData; path: string }[];
  inspections: { data: InspectionData; path: string }[];
  manifest: Manifest;
  /** The manifest's text as it is on disk, if there is one. */
  manifestText?: string;
  folder: FolderSnapshot;
}

export const posix = (path: string): string => path.split(sep).join("/");

function readManifest(root: string, contentDir: string): { manifest: Manifest; text?: string } {
  const path = join(contentDir, MANIFEST_NAME);
  const text = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  try {
    return { manifest: parseManifest(text), ...(text === undefined ? {} : { text }) };
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    throw new ImportSetupError(
      `The import manifest ${posix(relative(root, path))} cannot be read: ${error.message}. Restore it from version control; deleting it would make every imported file look hand-written, so none would ever be updated.`,
    );
  }
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function occupantOf(path: string): Occupant | undefined {
  try {
    const stats = lstatSync(path);
    return stats.isSymbolicLink() ? "link" : stats.isDirectory() ? "folder" : "file";
  } catch {
    return undefined;
  }
}

/**
 * Every file, folder and symbolic link under the folders an import writes to, and the text
 * of the files it wrote before. A link is recorded, not followed: nothing is written through
 * one, nor below one (writing-rules.ts).
 */
function snapshotFolder(contentDir: string, manifest: Manifest): FolderSnapshot {
  const entries = new Map<string, Occupant>();
  const visit = (folder: string): void => {
    for (const name of namesIn(folder)) {
      const path = join(folder, name);
      const occupant = occupantOf(path);
      if (occupant) entries.set(posix(relative(contentDir, path)), occupant);
      if (occupant === "folder") visit(path);
    }
  };
  for (const folder of ["inspections", "organisations"]) {
    const occupant = occupantOf(join(contentDir, folder));
    if (occupant) entries.set(folder, occupant);
    visit(join(contentDir, folder));
  }
  const imported = new Map<string, string>();
  for (const path of manifest.files.keys())
    if (entries.get(path) === "file") imported.set(path, readFileSync(join(contentDir, path), "utf8"));
  const read = (path: string) =>
    entries.get(path) === "file" ? (imported.get(path) ?? readFileSync(join(contentDir, path), "utf8")) : undefined;
  return { entries, imported, read };
}

/**
 * The content folder `contentDir` (absolute), given what loading it read (`content`, none
 * when the folder does not exist yet). Throws an ImportSetupError for a damaged manifest.
 */
/**
 * The folders shipped definitions would be copied into (`definitionFolders`, for a content
 * folder that has none) and the manifest must not be symbolic links: the command stops
 * before writing anything rather than write through one.
 */
export function refuseLinkedTargets(contentDir: string, definitionFolders: readonly string[], given: string): void {
  const targets = [...definitionFolders, MANIFEST_NAME];
  const linked = targets.filter((target) => occupantOf(join(contentDir, target)) === "link");
  if (linked.length > 0)
    throw new ImportSetupError(
      `${linked.map((target) => `${given}/${target}`).join(" and ")} ${linked.length === 1 ? "is a symbolic link" : "are symbolic links"}, which an import never writes through (it may lead outside the content folder); nothing was imported. Replace ${linked.length === 1 ? "it" : "them"} with a real folder or file.`,
    );
}

export function readContentFolder(
  root: string,
  contentDir: string,
  content: Pick<ContentSet, "organisations" | "inspections"> | undefined,
): ContentFolder {
  const { manifest, text: manifestText } = readManifest(root, contentDir);
  const inContent = (path: string) => posix(relative(contentDir, resolve(root, path)));
  return {
    contentDir,
    organisations: (content?.organisations ?? []).map(({ id, data, file }) => ({
      id,
      data,
      path: inContent(file.path),
    })),
    inspections: (content?.inspections ?? []).map(({ data, file }) => ({ data, path: inContent(file.path) })),
    manifest,
    ...(manifestText === undefined ? {} : { manifestText }),
    folder: snapshotFolder(contentDir, manifest),
  };
}
