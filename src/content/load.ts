/**
 * Reads every file under the content folder and checks it, collecting every problem in
 * every file before giving up, so an editor fixes them all in one pass.
 *
 * content/
 *   inspectorates/*.yaml   scales/*.yaml   frameworks/*.yaml
 *   organisations/*.md     inspections/**\/*.md   events/**\/*.md
 */
import { appendAll } from "../model/arrays.ts";
import { statSync, type Stats } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { z } from "zod";
import { changedEverything, type SourceChange } from "../model/source.ts";
import { listContentFiles, projectPath, projectPathsUnder, readContentBytes, type FolderCache } from "./content-files.ts";
import { checkMemory, type CheckMemory } from "./check-memory.ts";
import { noUnreadable, type ContentSet, type Entry, type Unreadable } from "./content-set.ts";
import { ID_RULE, isId, slugify } from "./ids.ts";
import { LIMITS } from "./limits.ts";
import type { ContentProblem } from "./problems.ts";
import { placeholderFields, placeholderProblems } from "./placeholders.ts";
import { rawHtmlProblems } from "./raw-html.ts";
import { readSource, type SourceFile } from "./read-file.ts";
import { salvage, type Salvaged } from "./salvage.ts";
import { eventSchema, frameworkSchema, inspectionSchema, inspectorateSchema, organisationSchema, scaleSchema } from "./schema.ts";
import { checkAgainstSchema } from "./schema-problems.ts";

interface Folder {
  format: "yaml" | "markdown";
  schema: z.ZodType;
  /** Ids of organisations' inspections and events are scoped to the organisation. */
  scopedToOrganisation: boolean;
}

export const CONTENT_FOLDERS = {
  inspectorates: { format: "yaml", schema: inspectorateSchema, scopedToOrganisation: false },
  scales: { format: "yaml", schema: scaleSchema, scopedToOrganisation: false },
  frameworks: { format: "yaml", schema: frameworkSchema, scopedToOrganisation: false },
  organisations: { format: "markdown", schema: organisationSchema, scopedToOrganisation: false },
  inspections: { format: "markdown", schema: inspectionSchema, scopedToOrganisation: true },
  events: { format: "markdown", schema: eventSchema, scopedToOrganisation: true },
} as const satisfies Record<keyof ContentSet, Folder>;


function extensionFits(format: Folder["format"], name: string): boolean {
  return format === "yaml" ? /\.ya?ml$/.test(name) : name.endsWith(".md");
}

export { noUnreadable, type Unreadable } from "./content-set.ts";

/**
 * Inspections and events with problems of their own, holding only the fields that are
 * right, so that the checks across files still look at them (a misspelt field must not
 * hide a misspelt grade in the same file until the next run).
 */
export interface SalvagedContent {
  inspections: Salvaged<z.output<typeof inspectionSchema>>[];
  events: Salvaged<z.output<typeof eventSchema>>[];
}

/** What reading one file came to: its entry, or its problems (and what is right in it). */
interface FileOutcome {
  entry?: Entry<unknown>;
  problems: ContentProblem[];
  salvaged?: Salvaged<unknown>;
  /** Raw HTML in its Markdown: a problem only where site.yaml does not allow it (raw-html.ts). */
  rawHtml?: ContentProblem[];
}

/**
 * One file of a content folder as the load places it: its path as problems name it, its
 * id (undefined when its name is not one), and what reading it came to: the entry as the
 * content set holds it (its id scoped to its organisation where the folder's ids are), or
 * its problems and what is right in it.
 */
interface PlacedFile {
  relativePath: string;
  id?: string;
  problems: ContentProblem[];
  entry?: Entry<unknown>;
  salvaged?: Salvaged<unknown>;
  rawHtml?: ContentProblem[];
}

/**
 * What `npm start` keeps between its reads of the content, so that a build after an edit
 * reads, parses and checks only the files that changed: each file's placing by its path,
 * with the file system's stamp of it (size, modification and change times, inode) when it
 * was read. A file whose stamp differs, or that cannot be stamped, is read again; files
 * gone from the folder are forgotten. Each load says what it read again and what is gone
 * since the load before (`LoadResult.change`): what comes after reads that, and never
 * compares a read with the last. `npm run build` and `npm run check` never pass one: they
 * read everything.
 */
export interface ReadCache {
  /** Each file's placing by its path, with its folder and its stamp (undefined: it could not be stamped, so is read each time). */
  files: Map<string, { stamp: string | undefined; placed: PlacedFile; folder: keyof ContentSet }>;
  folders: FolderCache;
  /** How many loads used this cache: each load's number, for its change. */
  loads: number;
  /** site.yaml's stamp at the last load. */
  settings?: string;
  /** What the checks across files found last time (validate-inspections.ts). */
  checks: CheckMemory;
  /**
   * The files the preview's watcher says changed since the last load (absolute paths), if
   * it said: only these are stamped again, the others are taken as they were. Left unset
   * (every file stamped) when not known, or when one of them is not a file the cache
   * knows by that path (a path spelt another way, through a link). Folders are always
   * stamped, so files added, removed or renamed are always seen: the watcher does not
   * report a file deleted (Eleventy 3.1.7). Used once, then unset.
   */
  changed?: ReadonlySet<string>;
}

export function readCache(): ReadCache {
  return { files: new Map(), folders: new Map(), loads: 0, checks: checkMemory() };
}

function stampOf(path: string): string | undefined {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

export interface LoadResult {
  content: ContentSet;
  problems: ContentProblem[];
  /** Raw HTML in Markdown, in any file: problems unless site.yaml allows it. */
  rawHtml: ContentProblem[];
  unreadable: Unreadable;
  salvaged: SalvagedContent;
  /** What this load read again and what is gone since the last load with the same cache; everything without one. */
  change: SourceChange;
}

/** A problem with a whole file, at its first line. */
function fileProblem(file: string, message: string, fix: string): ContentProblem {
  return { file, line: 1, column: 1, field: "", message, fix };
}

/**
 * The files of each content folder, from one listing of the whole content folder; a file
 * outside every content folder (which would otherwise be silently ignored) is a problem.
 */
function filesByFolder(base: string, files: readonly string[], shown: (path: string) => string, problems: ContentProblem[]): Map<string, string[]> {
  const known = Object.keys(CONTENT_FOLDERS);
  const byFolder = new Map<string, string[]>(known.map((name) => [name, []]));
  const prefix = base.endsWith(sep) ? base : `${base}${sep}`;
  for (const path of files) {
    // Every listed path is under the content folder: its first folder is found without `relative`.
    const below = path.startsWith(prefix) ? path.slice(prefix.length) : relative(base, path);
    const cut = below.indexOf(sep);
    const first = cut < 0 ? below : below.slice(0, cut);
    const folder = byFolder.get(first);
    if (folder && cut >= 0) folder.push(path);
    else if (folder) problems.push(fileProblem(shown(path), `${first} should be a folder of files, and this is a file.`, `Move it into a folder named ${first}.`));
    else if (cut >= 0 || !/^readme\.md$/i.test(first))
      problems.push(fileProblem(shown(path), "This file is not in a content folder, so it is not read.", `Move it into one of: ${known.join(", ")}.`));
  }
  return byFolder;
}

/** The file's id, or the problem with its name: the wrong ending, or not an id. */
function idOf(folderName: keyof ContentSet, folder: Folder, name: string): { id: string } | { message: string; fix: string } {
  if (!extensionFits(folder.format, name))
    return {
      message: `Files in ${folderName}/ are ${folder.format === "yaml" ? "YAML files ending .yaml" : "Markdown files ending .md"}, and this one is not.`,
      fix: `Rename it to end ${folder.format === "yaml" ? ".yaml" : ".md"}, or move it out of the content folder if it is not content.`,
    };
  const baseName = name.replace(/\.(ya?ml|md)$/, "");
  if (isId(baseName) && baseName.length <= LIMITS.id) return { id: baseName };
  const like = slugify(baseName).slice(0, LIMITS.id).replace(/-+$/, "");
  if (!isId(baseName))
    return {
      message: `The file name '${baseName}' becomes part of web addresses, so it must be ${ID_RULE}.`,
      fix: like ? `Rename it like '${like}'.` : `Rename it in ${ID_RULE}.`,
    };
  return {
    message: `The file name is ${baseName.length} characters long; an id, which becomes part of web addresses, may have ${LIMITS.id} at most.`,
    fix: `Rename it with a shorter name, like '${like}'.`,
  };
}

/**
 * A read file's problems against its schema, and the placeholders left in it: where a
 * field holds one ('published: TBC'), that is what the editor is told, not also that it is
 * not a date.
 */
function fieldProblems(schema: z.ZodType, file: SourceFile, bodyLine: number) {
  const checked = checkAgainstSchema(schema, file);
  const placeholders = placeholderProblems(file, bodyLine);
  if (placeholders.length === 0) return { checked, problems: checked.ok ? [] : checked.problems };
  const told = placeholderFields(placeholders);
  return { checked, problems: [...placeholders, ...(checked.ok ? [] : checked.problems.filter((problem) => !told.has(problem.field)))] };
}

/** One file's data checked against its folder's schema, or every problem it has (and what is right in it). */
function readOutcome(root: string, path: string, relativePath: string, folderName: keyof ContentSet): FileOutcome {
  const folder: Folder = CONTENT_FOLDERS[folderName];
  const bytes = readContentBytes(root, path);
  const read = bytes instanceof Uint8Array ? readSource(relativePath, bytes, folder.format) : { ok: false as const, problems: [bytes] };
  if (!read.ok) return { problems: read.problems };
  const { checked, problems: own } = fieldProblems(folder.schema, read.file, read.bodyLine);
  const rawHtml = rawHtmlProblems(read.file, read.bodyLine);
  const html = rawHtml.length > 0 ? { rawHtml } : {};
  if (checked.ok && own.length === 0 && read.problems.length === 0) return { entry: { id: "", data: checked.data, body: read.file.body, file: read.file }, problems: [], ...html };
  const problems = [...read.problems, ...own];
  if (folderName !== "inspections" && folderName !== "events") return { problems, ...html };
  const fields = salvage(CONTENT_FOLDERS[folderName].schema, read.file.data);
  return { problems, salvaged: { id: "", data: fields.data, invalid: fields.invalid, body: read.file.body, file: read.file }, ...html };
}

/** A file named, read and placed afresh. */
function placedAfresh(root: string, path: string, relativePath: string, folderName: keyof ContentSet): PlacedFile {
  const folder: Folder = CONTENT_FOLDERS[folderName];
  const named = idOf(folderName, folder, path.slice(path.lastIndexOf(sep) + 1));
  if (!("id" in named)) return { relativePath, problems: [fileProblem(relativePath, named.message, named.fix)] };
  const { entry, problems, salvaged, rawHtml } = readOutcome(root, path, relativePath, folderName);
  const html = rawHtml ? { rawHtml } : {};
  if (!entry) return { relativePath, id: named.id, problems, ...(salvaged ? { salvaged: { ...salvaged, id: named.id } } : {}), ...html };
  const data = entry.data as { organisation?: string };
  const id = folder.scopedToOrganisation ? `${data.organisation}/${named.id}` : named.id;
  return { relativePath, id: named.id, problems, entry: { ...entry, id }, ...html };
}

/** What a load with a cache found changed, as it goes. */
interface Changing {
  reread: Set<string>;
  gone: Set<string>;
  organisations: Set<string>;
  definitions: boolean;
}

/** What placing the files of one load needs, how many of them the cache holds, and what changed. */
interface Placing {
  root: string;
  shown: (path: string) => string;
  cache: ReadCache | undefined;
  kept: number;
  changing: Changing;
}

const DEFINITIONS: ReadonlySet<keyof ContentSet> = new Set(["inspectorates", "scales", "frameworks"]);

/** The organisation a placed file belongs to, where its reading says: its own id, or its `organisation` field. */
function ownerOf(folderName: keyof ContentSet, placed: PlacedFile): string | undefined {
  if (folderName === "organisations") return placed.id;
  if (!CONTENT_FOLDERS[folderName].scopedToOrganisation) return undefined;
  const organisation = ((placed.entry ?? placed.salvaged)?.data as { organisation?: unknown } | undefined)?.organisation;
  return typeof organisation === "string" ? organisation : undefined;
}

/** Notes a file read again, or gone (`now` undefined): its path, its organisation before and after, a definition. */
function noteChange(changing: Changing, folderName: keyof ContentSet, was: PlacedFile | undefined, now: PlacedFile | undefined): void {
  (now ? changing.reread : changing.gone).add((now ?? was)!.relativePath);
  for (const placed of [was, now]) {
    const owner = placed && ownerOf(folderName, placed);
    if (owner !== undefined) changing.organisations.add(owner);
  }
  if (DEFINITIONS.has(folderName)) changing.definitions = true;
}

/** `placedAfresh`, or what `cache` kept while the file's stamp is unchanged; undefined for a README. */
function placeFile(placing: Placing, folderName: keyof ContentSet, path: string): PlacedFile | undefined {
  const { cache } = placing;
  if (!cache) return /^readme\.md$/i.test(path.slice(path.lastIndexOf(sep) + 1)) ? undefined : placedAfresh(placing.root, path, placing.shown(path), folderName);
  const kept = cache.files.get(path);
  if (kept && kept.stamp !== undefined && cache.changed && !cache.changed.has(path)) {
    placing.kept++;
    return kept.placed;
  }
  if (/^readme\.md$/i.test(path.slice(path.lastIndexOf(sep) + 1))) return undefined;
  const stamp = stampOf(path);
  placing.kept++;
  if (kept && kept.stamp !== undefined && kept.stamp === stamp) return kept.placed;
  const placed = placedAfresh(placing.root, path, placing.shown(path), folderName);
  cache.files.set(path, { stamp, placed, folder: folderName });
  noteChange(placing.changing, folderName, kept?.placed, placed);
  return placed;
}

/** Reads and checks every file of one folder into `result`. */
function readFolder(placing: Placing, folderName: keyof ContentSet, paths: readonly string[], result: LoadResult): void {
  const folder: Folder = CONTENT_FOLDERS[folderName];
  const seen = new Map<string, string>();
  const entries = result.content[folderName] as Entry<unknown>[];
  for (const path of paths) {
    const placed = placeFile(placing, folderName, path);
    if (!placed) continue;
    const { entry, relativePath } = placed;
    if (placed.rawHtml) appendAll(result.rawHtml, placed.rawHtml);
    if (!entry) {
      appendAll(result.problems, placed.problems);
      if (placed.id === undefined) continue;
      result.unreadable[folderName].add(placed.id);
      if (placed.salvaged) (result.salvaged[folderName as "inspections" | "events"] as Salvaged<unknown>[]).push(placed.salvaged);
      continue;
    }
    const earlier = seen.get(entry.id);
    if (earlier) {
      const { organisation } = entry.data as { organisation?: string };
      result.problems.push(
        folder.scopedToOrganisation
          ? fileProblem(relativePath, `Another ${folderName.slice(0, -1)} of '${organisation}' has the same file name (${earlier}); their pages would share one address.`, "Rename one.")
          : fileProblem(relativePath, `${earlier} has the same file name, and ids come from file names.`, "Rename one."),
      );
      continue;
    }
    seen.set(entry.id, relativePath);
    entries.push(entry);
  }
}

/** Drops from `cache` the files no longer listed, noting each as gone. */
function forgetGone(cache: ReadCache, files: readonly string[], changing: Changing): void {
  const listed = new Set(files);
  for (const [path, { placed, folder }] of cache.files)
    if (!listed.has(path)) {
      cache.files.delete(path);
      noteChange(changing, folder, placed, undefined);
    }
}

/** Whether the watcher named only files the cache knows or the listing has, by the same spelling. */
function knowsChanged(cache: ReadCache, files: readonly string[]): boolean {
  let listed: Set<string> | undefined;
  for (const path of cache.changed ?? []) if (!cache.files.has(path) && !(listed ??= new Set(files)).has(path)) return false;
  return true;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The change a load with `cache` found, numbered after the load before it: `since` is that
 * load's number, unless this is the first load or the content folder could not be read.
 * site.yaml (in `root`) is stamped too, as the settings reach every page.
 */
function changeOf(root: string, cache: ReadCache, changing: Changing, read: boolean): SourceChange {
  const at = ++cache.loads;
  const settingsStamp = stampOf(join(root, "site.yaml"));
  const settings = settingsStamp !== cache.settings;
  cache.settings = settingsStamp;
  if (at === 1 || !read) return changedEverything(at);
  return { at, since: at - 1, ...changing, settings };
}

/**
 * `root` is the project folder; paths in problems are relative to it. With a `cache`
 * (`npm start` only), files unchanged since the last load are not read again, and the
 * result's `change` says what was read again and what is gone since that load.
 */
export function loadContent(root: string, contentFolder = "content", cache?: ReadCache): LoadResult {
  const base = resolve(root, contentFolder);
  const changing: Changing = { reread: new Set(), gone: new Set(), organisations: new Set(), definitions: false };
  const result: LoadResult = {
    content: { inspectorates: [], scales: [], frameworks: [], organisations: [], inspections: [], events: [] },
    problems: [],
    rawHtml: [],
    unreadable: noUnreadable(),
    salvaged: { inspections: [], events: [] },
    change: changedEverything(),
  };
  if (!isFolder(base)) {
    if (cache) {
      // Nothing kept is known to be there when the folder is back.
      cache.files.clear();
      delete cache.changed;
      result.change = changeOf(root, cache, changing, false);
    }
    result.problems.push({
      ...fileProblem(projectPath(root, base) || contentFolder, `There is no content folder ${contentFolder}.`, "Run this from the project folder, or name the content folder with --content."),
      unread: true,
    });
    return result;
  }
  const listing = listContentFiles(root, base, cache?.folders, new Set(Object.keys(CONTENT_FOLDERS)));
  // A path that is no content file by this spelling (another file of the project, a link): stamp every file.
  if (cache?.changed && !knowsChanged(cache, listing.files)) delete cache.changed;
  appendAll(result.problems, listing.problems);
  const placing: Placing = { root, shown: projectPathsUnder(root, base), cache, kept: 0, changing };
  const byFolder = filesByFolder(base, listing.files, placing.shown, result.problems);
  for (const folderName of Object.keys(CONTENT_FOLDERS) as (keyof ContentSet)[]) readFolder(placing, folderName, byFolder.get(folderName)!, result);
  if (cache) {
    // Every file the cache holds was placed in this load, unless some are gone.
    if (placing.kept !== cache.files.size) forgetGone(cache, listing.files, changing);
    delete cache.changed;
    result.change = changeOf(root, cache, changing, true);
  }
  return result;
}
