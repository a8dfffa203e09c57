/**
 * The rules for writing drafts into a content folder, one set for `npm run import` and
 * `npm run draft` (docs/importing.md, "Re-importing: what happens to each file"):
 *
 * 1. Where a draft goes: the file the manifest has for the same inspection; otherwise,
 *    unless the inspection is already in a file no import wrote or one an editor has
 *    changed (the same inspection as src/content/same-inspection.ts tells it, whatever
 *    dates each knows), the first free `<year>-<kind>[-n].md`.
 * 2. Whether it may be written: created when nothing is there; rewritten only when the
 *    manifest lists the file and its bytes still hash to what was written; otherwise left
 *    alone, with the reason. Never outside the content folder, never through a symbolic link.
 * 3. The manifest after the writes: each file written, what it was made from, and a hash
 *    of its bytes (manifest.ts says why).
 *
 * Pure: the rules decide over what content-folder.ts read, and write.ts carries out what
 * they decide.
 */
import { resolve, sep } from "node:path";
import { sameInspectionIndex, type SameInspection, type SameInspectionIndex } from "../../content/same-inspection.ts";
import { freeFileName } from "../../content/file-names.ts";
import type { ContentFolder } from "./content-folder.ts";
import { hashOf, MANIFEST_NAME, serialiseManifest, type Manifest } from "./manifest.ts";
import type { FileOutcome, FileStatus } from "./types.ts";
import type { FilesToWrite } from "./write.ts";

/** A file a command would write, and the manifest's record of it. */
export interface PlannedFile {
  /** Relative to the content folder, with forward slashes. */
  path: string;
  type: FileOutcome["type"];
  /** For an inspection: `inspectionKey`. For an organisation: `organisation|<id>`. */
  key: string;
  /** The file's text, or how to read it (from where it waits: spool.ts); a dry run may give only its hash. */
  text?: string | (() => string);
  /** sha256 of the text (hex), when the text is not given or already hashed. */
  sha256?: string;
  /** What it was made from: the CSV's or the report's file name. */
  source: string;
  /** For an inspection from a CSV: the line it came from. */
  line?: number;
  /** What an editor should look at, listed in the command's report when the file is written. */
  review: string[];
}

/**
 * What makes two drafts the same inspection: organisation, framework, kind and the first
 * day of the visit, or for a visit not known (`visit: unknown`) `published <date>`.
 */
export function inspectionKey(organisation: string, framework: string, kind: string, when: string | undefined): string {
  return `${organisation}|${framework}|${kind}|${when}`;
}

/** Where the drafts of one command go: what the folder holds by inspection, and the paths taken so far. */
export interface Placement {
  target: ContentFolder;
  /** The file in the content that holds each inspection (src/content/same-inspection.ts says which are the same). */
  existing: SameInspectionIndex<string>;
  /** Inspection key -> the file an earlier import wrote for it. */
  reserved: ReadonlyMap<string, string>;
  /** Paths written before or chosen already: not free for another draft. */
  taken: Set<string>;
}

export function placementIn(target: ContentFolder): Placement {
  const existing = sameInspectionIndex<string>();
  for (const { data, path } of target.inspections) existing.add(data, path);
  const reserved = new Map<string, string>();
  for (const [path, entry] of target.manifest.files) if (!reserved.has(entry.key)) reserved.set(entry.key, path);
  return { target, existing, reserved, taken: new Set(target.manifest.files.keys()) };
}

/**
 * Where an inspection's draft goes: `{ path }`, or `{ leftAlone }` (with the file and why)
 * when the inspection is already in a file that no import wrote or an editor has changed.
 * Drafts placed one after another in the same placement never share a path.
 */
export function placeInspection(
  placement: Placement,
  draft: { key: string; organisation: string; baseName: string; sha256?: string } & (
    | { data: SameInspection }
    // The file of the same inspection in the content, found already (`existing`), or none.
    | { there: string | undefined }
  ),
): { path: string } | { leftAlone: { path: string; reason: string } } {
  const { target, existing, reserved, taken } = placement;
  const there = "there" in draft ? draft.there : existing.find(draft.data);
  if (there !== undefined && reserved.get(draft.key) === undefined && writtenUnrecorded(target, there, draft.sha256)) {
    taken.add(there);
    return { path: there };
  }
  if (there !== undefined && there !== reserved.get(draft.key)) {
    const whose = target.manifest.files.has(there)
      ? "an imported file that has since been edited"
      : "not written by an import";
    return { leftAlone: { path: there, reason: `this inspection is already in the content (${whose})` } };
  }
  const inFolder = (name: string) => `inspections/${draft.organisation}/${name}.md`;
  const path =
    reserved.get(draft.key) ??
    inFolder(
      freeFileName(draft.baseName, (name) => taken.has(inFolder(name)) || target.folder.entries.has(inFolder(name))),
    );
  taken.add(path);
  return { path };
}

/** The folder on a planned file's path that is a symbolic link (`inspections/x` of `inspections/x/y.md`), if any. */
function linkedFolder(target: ContentFolder, path: string): string | undefined {
  const parts = path.split("/");
  for (let length = 1; length < parts.length; length++) {
    const folder = parts.slice(0, length).join("/");
    if (target.folder.entries.get(folder) === "link") return folder;
  }
  return undefined;
}

const hashOfPlanned = (file: PlannedFile): string =>
  file.sha256 ?? hashOf(typeof file.text === "function" ? file.text() : (file.text ?? ""));

/**
 * A file the manifest does not list whose bytes are exactly what the command would write
 * there: written by an import that was stopped (killed, the disk full) before it recorded
 * it. It is recorded now, and is the command's again.
 */
function writtenUnrecorded(target: ContentFolder, path: string, sha256: string | undefined): boolean {
  if (sha256 === undefined || target.manifest.files.has(path)) return false;
  const text = target.folder.read?.(path);
  return text !== undefined && hashOf(text) === sha256;
}

/** Whether a planned file may be written, from what is at its path and what the manifest says of it. */
function statusOf(target: ContentFolder, file: PlannedFile): { status: FileStatus; reason?: string } {
  const entry = target.manifest.files.get(file.path);
  const occupant = target.folder.entries.get(file.path);
  if (occupant === "link")
    return { status: "left-alone", reason: "it is a symbolic link, which an import never writes through" };
  const linked = linkedFolder(target, file.path);
  if (linked !== undefined)
    return { status: "left-alone", reason: `${linked} is a symbolic link, which an import never writes through` };
  if (occupant === undefined) {
    if (!entry) return { status: "created" };
    const again = `remove its entry from ${MANIFEST_NAME} to import it again`;
    return { status: "left-alone", reason: `it was deleted after it was imported, so it is not recreated (${again})` };
  }
  if (!entry)
    return writtenUnrecorded(target, file.path, hashOfPlanned(file))
      ? { status: "unchanged" }
      : { status: "left-alone", reason: "not written by an import; used as it is" };
  const current = target.folder.imported.get(file.path);
  if (current === undefined || hashOf(current) !== entry.sha256)
    return { status: "left-alone", reason: "edited since it was imported" };
  return { status: entry.sha256 === hashOfPlanned(file) ? "unchanged" : "updated" };
}

/** The manifest after these writes: its text, when it changes (and there is anything to record). */
function manifestAfter(target: ContentFolder, writes: readonly PlannedFile[]): FilesToWrite["manifest"] {
  const manifest: Manifest = { files: new Map(target.manifest.files) };
  for (const file of writes)
    manifest.files.set(file.path, { key: file.key, source: file.source, sha256: hashOfPlanned(file) });
  const text = serialiseManifest(manifest);
  const before = target.manifestText;
  if (text === before || (writes.length === 0 && before === undefined)) return undefined;
  return { path: resolve(target.contentDir, MANIFEST_NAME), text, before: target.manifest };
}

/** What the rules decide for a command's planned files. */
export interface Settled extends Omit<FilesToWrite, "copies"> {
  /** One per planned file, in the order planned. */
  outcomes: FileOutcome[];
  /** The files to be written (or left unchanged) that have something for an editor, in the order planned. */
  review: { path: string; line?: number; items: string[] }[];
}

/**
 * Decides, file by file, what may be written, and the manifest that will record it. For a
 * dry run, nothing to write and no manifest (its files may come without their text).
 */
export function settleFiles(
  target: ContentFolder,
  planned: readonly PlannedFile[],
  options: { dryRun?: boolean } = {},
): Settled {
  const { contentDir } = target;
  const outcomes: FileOutcome[] = [];
  const review: Settled["review"] = [];
  const writes: PlannedFile[] = [];
  const recordOnly: PlannedFile[] = [];
  for (const file of planned) {
    if (!resolve(contentDir, file.path).startsWith(contentDir + sep))
      throw new Error(`Refusing to write outside the content folder: ${file.path}`);
    const { status, reason } = statusOf(target, file);
    const line = file.line !== undefined ? { line: file.line } : {};
    outcomes.push({ path: file.path, type: file.type, status, ...(reason ? { reason } : {}), ...line });
    if (status === "created" || status === "updated") writes.push(file);
    // Recorded now: written by a command stopped before it recorded it (writtenUnrecorded).
    else if (status === "unchanged" && !target.manifest.files.has(file.path)) recordOnly.push(file);
    if (status !== "left-alone" && file.review.length > 0)
      review.push({ path: file.path, ...line, items: file.review });
  }
  if (options.dryRun) return { contentDir, outcomes, review, writes: [] };
  const manifest = manifestAfter(target, [...recordOnly, ...writes]);
  const text = (file: PlannedFile): string | (() => string) => {
    if (file.text === undefined) throw new Error(`Planned without its text: ${file.path}`);
    return file.text;
  };
  return {
    contentDir,
    outcomes,
    review,
    writes: writes.map((file) => ({
      path: resolve(contentDir, file.path),
      text: text(file),
      entry: { key: file.key, source: file.source, sha256: hashOfPlanned(file) },
    })),
    ...(manifest ? { manifest } : {}),
  };
}
