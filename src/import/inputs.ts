/**
 * Everything an import works from, read from disk before anything is decided: the CSV,
 * the mapping (checked against the CSV's header and the frameworks it will be used with),
 * the frameworks and scales, what is already in the content folder, the manifest of
 * earlier imports, and what is at each path in the folder. Anything unusable stops the
 * import here, with an ImportSetupError, before a single file is planned.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { loadContent } from "../content/load.ts";
import { formatProblem, sortProblems, type ContentProblem } from "../content/problems.ts";
import type { InspectionData, OrganisationData } from "../content/schema.ts";
import { CsvError, readCsv, type CsvTable } from "./csv.ts";
import { MANIFEST_NAME, ManifestError, parseManifest, type Manifest } from "./manifest.ts";
import {
  checkMappingAgainst,
  missingColumns,
  parseMapping,
  type Definitions,
  type Mapping,
  type MappingResult,
} from "./mapping.ts";
import { ImportSetupError, type ImportOptions } from "./types.ts";

/** What is at a path in the content folder: a file, a symbolic link, a folder, or (not listed) nothing. */
export type Occupant = "file" | "link" | "folder";

export interface FolderSnapshot {
  /** Paths relative to the content folder, with forward slashes; a path not here holds nothing. */
  entries: ReadonlyMap<string, Occupant>;
  /** The text of each file an earlier import wrote that is still a plain file. */
  imported: ReadonlyMap<string, string>;
}

export interface ImportInputs {
  /** The content folder, absolute. */
  contentDir: string;
  options: Required<ImportOptions>;
  /** The CSV's file name. */
  source: string;
  table: CsvTable;
  mapping: Mapping;
  definitions: Definitions;
  /** Shipped inspectorate, scale and framework files to copy into a folder that has no frameworks. */
  copies: { from: string; to: string; path: string }[];
  /** What the content folder already holds; paths relative to it. */
  organisations: { id: string; data: OrganisationData; path: string }[];
  inspections: { data: InspectionData; path: string }[];
  manifest: Manifest;
  /** The manifest's text as it is on disk, if there is one. */
  manifestText?: string;
  folder: FolderSnapshot;
}

const DEFINITION_FOLDERS = ["inspectorates", "scales", "frameworks"] as const;

export const posix = (path: string): string => path.split(sep).join("/");

function yamlFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith("."))
      .sort();
  } catch {
    return [];
  }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportSetupError(
      `Cannot read the ${what} ${path}: ${code === "ENOENT" ? "there is no such file" : (error as Error).message}.`,
    );
  }
}

function readTable(path: string, given: string): CsvTable {
  try {
    return readCsv(readText(path, "CSV file"));
  } catch (error) {
    if (error instanceof CsvError)
      throw new ImportSetupError(`${given}:${error.line}  ${error.message} Nothing was imported.`);
    throw error;
  }
}

interface DefinitionsRead {
  definitions: Definitions;
  copies: ImportInputs["copies"];
  /** The target folder's own content, when it exists. */
  target?: ReturnType<typeof loadContent>["content"];
  /** True when the definitions are the project's shipped ones, to be copied in. */
  shipped: boolean;
}

/**
 * The frameworks and scales to import against: the content folder's own, or, for a folder
 * with no frameworks yet, the project's shipped ones, copied in.
 */
function readDefinitions(root: string, contentDir: string, given: string): DefinitionsRead {
  if (existsSync(contentDir) && !lstatSync(contentDir).isDirectory())
    throw new ImportSetupError(`The content folder ${given} is a file, not a folder.`);
  const shippedDir = resolve(root, "content");
  const shipped = yamlFilesIn(join(contentDir, "frameworks")).length === 0;
  const copies: ImportInputs["copies"] = [];
  if (shipped) {
    if (shippedDir === contentDir || yamlFilesIn(join(shippedDir, "frameworks")).length === 0) {
      throw new ImportSetupError(
        `The content folder ${given} has no frameworks (frameworks/*.yaml) to import against, and there are none in ${shippedDir} to copy in.`,
      );
    }
    for (const folder of DEFINITION_FOLDERS) {
      for (const name of yamlFilesIn(join(shippedDir, folder))) {
        const to = join(contentDir, folder, name);
        if (!existsSync(to)) copies.push({ from: join(shippedDir, folder, name), to, path: `${folder}/${name}` });
      }
    }
  }
  const target = existsSync(contentDir) ? loadContent(root, contentDir).content : undefined;
  const from = shipped || !target ? loadContent(root, shippedDir).content : target;
  const definitions: Definitions = {
    frameworks: new Map(from.frameworks.map((entry) => [entry.id, entry.data])),
    scales: new Map(from.scales.map((entry) => [entry.id, entry.data])),
  };
  return { definitions, copies, shipped, ...(target ? { target } : {}) };
}

/** The mapping, checked against the CSV's header and the definitions; every problem at once. */
function checkedMapping(
  options: ImportOptions,
  parsed: MappingResult,
  table: CsvTable,
  read: DefinitionsRead,
  source: string,
): Mapping {
  const problems: ContentProblem[] = [...parsed.problems];
  const { mapping } = parsed;
  if (mapping)
    problems.push(...missingColumns(mapping, table.header), ...checkMappingAgainst(mapping, read.definitions));
  if (!mapping || problems.length > 0) {
    throw new ImportSetupError(
      `The mapping file ${options.mapping} has problems (checked against ${source} and the frameworks in ${read.shipped ? "content" : options.content}); nothing was imported.`,
      sortProblems(problems).map(formatProblem),
    );
  }
  return mapping;
}

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

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
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
 * Every file, folder and symbolic link under the folders an import writes to, and the text of the
 * files it wrote before. A link to a folder is followed, as writing a path through it would.
 */
function snapshotFolder(contentDir: string, manifest: Manifest): FolderSnapshot {
  const entries = new Map<string, Occupant>();
  const visit = (folder: string): void => {
    for (const name of namesIn(folder)) {
      const path = join(folder, name);
      const occupant = occupantOf(path);
      if (occupant) entries.set(posix(relative(contentDir, path)), occupant);
      if (isFolder(path)) visit(path);
    }
  };
  for (const folder of ["inspections", "organisations"]) visit(join(contentDir, folder));
  const imported = new Map<string, string>();
  for (const path of manifest.files.keys())
    if (entries.get(path) === "file") imported.set(path, readFileSync(join(contentDir, path), "utf8"));
  return { entries, imported };
}

export function readImportInputs(given: ImportOptions): ImportInputs {
  const root = resolve(given.root);
  const options: Required<ImportOptions> = { ...given, root, dryRun: given.dryRun ?? false };
  const contentDir = resolve(root, options.content);
  const source = basename(resolve(root, options.csv));
  const table = readTable(resolve(root, options.csv), options.csv);
  const mappingText = readText(resolve(root, options.mapping), "mapping file");
  const parsed = parseMapping(posix(options.mapping), new TextEncoder().encode(mappingText));
  const read = readDefinitions(root, contentDir, options.content);
  const mapping = checkedMapping(options, parsed, table, read, source);
  const { manifest, text: manifestText } = readManifest(root, contentDir);
  const inContent = (path: string) => posix(relative(contentDir, resolve(root, path)));
  return {
    contentDir,
    options,
    source,
    table,
    mapping,
    definitions: read.definitions,
    copies: read.copies,
    organisations: (read.target?.organisations ?? []).map(({ id, data, file }) => ({
      id,
      data,
      path: inContent(file.path),
    })),
    inspections: (read.target?.inspections ?? []).map(({ data, file }) => ({ data, path: inContent(file.path) })),
    manifest,
    ...(manifestText === undefined ? {} : { manifestText }),
    folder: snapshotFolder(contentDir, manifest),
  };
}
