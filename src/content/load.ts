/**
 * Reads every file under the content folder and checks it, collecting every problem in
 * every file before giving up, so an editor fixes them all in one pass.
 *
 * content/
 *   inspectorates/*.yaml   scales/*.yaml   frameworks/*.yaml
 *   organisations/*.md     inspections/**\/*.md   events/**\/*.md
 */
import { readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { z } from "zod";
import type { ContentSet, Entry } from "./content-set.ts";
import { ID_RULE, isId, slugify } from "./ids.ts";
import type { ContentProblem } from "./problems.ts";
import { readSource } from "./read-file.ts";
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


function listFiles(directory: string): string[] {
  let entries: Dirent[];
  try {
    // The entries' types come with the listing: no stat per file (docs/performance.md).
    entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.name.startsWith(".")) return [];
    const path = join(directory, entry.name);
    const folder = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory());
    return folder ? listFiles(path) : [path];
  });
}

function extensionFits(format: Folder["format"], name: string): boolean {
  return format === "yaml" ? /\.ya?ml$/.test(name) : name.endsWith(".md");
}

/**
 * Per folder, the ids (file names) of files that exist but could not be read or failed
 * their schema. Their own problems are reported; checks of other files skip references
 * to them, so an editor is not also told that the file they are fixing does not exist.
 */
export type Unreadable = { [K in keyof ContentSet]: Set<string> };

export function noUnreadable(): Unreadable {
  return { inspectorates: new Set(), scales: new Set(), frameworks: new Set(), organisations: new Set(), inspections: new Set(), events: new Set() };
}

export interface LoadResult {
  content: ContentSet;
  problems: ContentProblem[];
  unreadable: Unreadable;
}

/** Files outside every content folder, which would otherwise be silently ignored. */
function strayFiles(root: string, base: string): ContentProblem[] {
  const known = new Set(Object.keys(CONTENT_FOLDERS));
  return listFiles(base).flatMap((path): ContentProblem[] => {
    const top = relative(base, path).split(sep)[0]!;
    if (known.has(top) || /^readme\.md$/i.test(top)) return [];
    return [
      {
        file: relative(root, path).split(sep).join("/"),
        line: 1,
        column: 1,
        field: "",
        message: `This file is not in a content folder, so it is not read. Move it into one of: ${[...known].join(", ")}.`,
      },
    ];
  });
}

/** The file's id, or the problem with its name: the wrong ending, or not an id. */
function idOf(folderName: keyof ContentSet, folder: Folder, name: string): { id: string } | { problem: string } {
  if (!extensionFits(folder.format, name))
    return {
      problem: `Files in ${folderName}/ are ${folder.format === "yaml" ? "YAML files ending .yaml" : "Markdown files ending .md"}.`,
    };
  const baseName = name.replace(/\.(ya?ml|md)$/, "");
  if (!isId(baseName))
    return {
      problem: `The file name '${baseName}' becomes part of web addresses, so it must be ${ID_RULE}, like '${slugify(baseName)}'.`,
    };
  return { id: baseName };
}

/** Reads and checks every file of one folder into `result`. */
function readFolder(root: string, base: string, folderName: keyof ContentSet, result: LoadResult): void {
  const folder: Folder = CONTENT_FOLDERS[folderName];
  const seen = new Map<string, string>();
  for (const path of listFiles(join(base, folderName))) {
    const relativePath = relative(root, path).split(sep).join("/");
    const name = path.slice(path.lastIndexOf(sep) + 1);
    if (/^readme\.md$/i.test(name)) continue;
    const fileProblem = (message: string): ContentProblem => ({ file: relativePath, line: 1, column: 1, field: "", message });
    const named = idOf(folderName, folder, name);
    if ("problem" in named) {
      result.problems.push(fileProblem(named.problem));
      continue;
    }
    const baseName = named.id;
    const read = readSource(relativePath, readFileSync(path), folder.format);
    const checked = read.ok ? checkAgainstSchema(folder.schema, read.file) : read;
    if (!read.ok || !checked.ok) {
      result.problems.push(...(checked.ok ? [] : checked.problems));
      result.unreadable[folderName].add(baseName);
      continue;
    }
    const data = checked.data as { organisation?: string };
    const id = folder.scopedToOrganisation ? `${data.organisation}/${baseName}` : baseName;
    const earlier = seen.get(id);
    if (earlier) {
      result.problems.push(
        fileProblem(
          folder.scopedToOrganisation
            ? `Another ${folderName.slice(0, -1)} of '${data.organisation}' has the same file name (${earlier}); their pages would share one address. Rename one.`
            : `${earlier} has the same file name; ids come from file names, so rename one.`,
        ),
      );
      continue;
    }
    seen.set(id, relativePath);
    (result.content[folderName] as Entry<unknown>[]).push({ id, data: checked.data, body: read.file.body, file: read.file });
  }
}

/** `root` is the project folder; paths in problems are relative to it. */
export function loadContent(root: string, contentFolder = "content"): LoadResult {
  const base = resolve(root, contentFolder);
  const result: LoadResult = {
    content: { inspectorates: [], scales: [], frameworks: [], organisations: [], inspections: [], events: [] },
    problems: strayFiles(root, base),
    unreadable: noUnreadable(),
  };
  for (const folderName of Object.keys(CONTENT_FOLDERS) as (keyof ContentSet)[]) readFolder(root, base, folderName, result);
  return result;
}
