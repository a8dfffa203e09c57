/**
 * Everything an import works from, read from disk before anything is decided: the CSV,
 * the mapping (checked against the CSV's header and the frameworks it will be used with),
 * the frameworks and scales, and the content folder as it is (content-folder.ts: what is
 * already there, the manifest of earlier imports, what is at each path). Anything
 * unusable stops the import here, with an ImportSetupError, before a single file is planned.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { loadContent } from "../../content/load.ts";
import { formatProblem, sortProblems, type ContentProblem } from "../../content/problems.ts";
import { posix, readContentFolder, refuseLinkedTargets, type ContentFolder } from "./content-folder.ts";
import { CsvError, notAFile, openCsv, type CsvEncoding, type CsvRow, type CsvTable } from "./csv.ts";
import { joiner, type Join } from "./join.ts";
import {
  checkMappingAgainst,
  missingColumns,
  parseMapping,
  type Definitions,
  type Mapping,
  type MappingResult,
} from "./mapping.ts";
import { ImportSetupError, type ImportOptions } from "./types.ts";

/** The options with their defaults; `reports` only when the CSV's gaps are to be filled from reports. */
type Options = Required<Omit<ImportOptions, "reports" | "onProgress">> & Pick<ImportOptions, "reports" | "onProgress">;

/** The CSV's rows, joined, read from the file each time `rows()` is called: never all in memory at once. */
export interface RowSource {
  header: string[];
  rows(): Generator<CsvRow>;
}

export interface ImportInputs extends ContentFolder {
  options: Options;
  /** The CSV's file name. */
  source: string;
  table: RowSource;
  mapping: Mapping;
  definitions: Definitions;
  /** Shipped inspectorate, scale and framework files to copy into a folder that has no frameworks. */
  copies: { from: string; to: string; path: string }[];
  /** The folder they are copied from, relative to the project. */
  definitionsFolder: string;
  /** Rows with no match in a joined CSV, by line, with the reason (join.ts): filled in as the rows are read. */
  unmatched: ReadonlyMap<number, string>;
}

const DEFINITION_FOLDERS = ["inspectorates", "scales", "frameworks"] as const;

function yamlFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith("."))
      .sort();
  } catch {
    return [];
  }
}

/** The largest mapping file read: one is a few kilobytes. */
const MAX_MAPPING_BYTES = 1 << 20;

function readText(path: string, what: string): string {
  const why = notAFile(path);
  if (why) throw new ImportSetupError(`Cannot read the ${what} ${path}: ${why}.`);
  if (statSync(path).size > MAX_MAPPING_BYTES)
    throw new ImportSetupError(
      `Cannot read the ${what} ${path}: it is ${statSync(path).size.toLocaleString("en-GB")} bytes, and a ${what} is at most ${MAX_MAPPING_BYTES.toLocaleString("en-GB")}.`,
    );
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportSetupError(
      `Cannot read the ${what} ${path}: ${code === "ENOENT" ? "there is no such file" : (error as Error).message}.`,
    );
  }
}

function openTable(path: string, given: string, encoding: CsvEncoding) {
  const stop = (error: unknown): never => {
    if (error instanceof CsvError)
      throw new ImportSetupError(`${given}:${error.line}  ${error.message} Nothing was imported.`);
    throw error;
  };
  try {
    const source = openCsv(path, encoding);
    return {
      header: source.header,
      rows: function* () {
        try {
          yield* source.rows();
        } catch (error) {
          stop(error);
        }
      },
    };
  } catch (error) {
    return stop(error);
  }
}

function readTable(path: string, given: string, encoding: CsvEncoding): CsvTable {
  const source = openTable(path, given, encoding);
  return { header: source.header, rows: [...source.rows()] };
}

interface DefinitionsRead {
  definitions: Definitions;
  copies: ImportInputs["copies"];
  /** The target folder's own content, when it exists. */
  target?: ReturnType<typeof loadContent>["content"];
  /** True when the definitions are the project's shipped ones, to be copied in. */
  shipped: boolean;
  /** The folder they come from when shipped, for messages. */
  from: string;
}

/**
 * The frameworks and scales to import against: the content folder's own, or, for a folder
 * with no frameworks yet, the project's shipped ones, copied in.
 */
function readDefinitions(root: string, contentDir: string, given: string, shippedDir: string): DefinitionsRead {
  if (existsSync(contentDir) && !lstatSync(contentDir).isDirectory())
    throw new ImportSetupError(`The content folder ${given} is a file, not a folder.`);
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
  return {
    definitions,
    copies,
    shipped,
    from: posix(relative(root, shippedDir)) || ".",
    ...(target ? { target } : {}),
  };
}

/** The mapping, checked against the CSV's header and the definitions; every problem at once. */
function checkedMapping(
  options: ImportOptions,
  parsed: MappingResult,
  table: Pick<CsvTable, "header">,
  read: DefinitionsRead,
  source: string,
): Mapping {
  const problems: ContentProblem[] = [...parsed.problems];
  const { mapping } = parsed;
  if (mapping)
    problems.push(...missingColumns(mapping, table.header), ...checkMappingAgainst(mapping, read.definitions));
  if (!mapping || problems.length > 0) {
    throw new ImportSetupError(
      `The mapping file ${options.mapping} has problems (checked against ${source} and the frameworks in ${read.shipped ? read.from : options.content}); nothing was imported.`,
      sortProblems(problems).map(formatProblem),
    );
  }
  return mapping;
}

/** The CSVs the mapping joins to the imported one, from the imported CSV's folder. */
function readJoins(csvPath: string, parsed: MappingResult, encoding: CsvEncoding): Join[] {
  return (parsed.mapping?.data.join ?? []).map((join) => {
    const path = resolve(dirname(csvPath), join.file);
    const table = readTable(path, path, encoding);
    return { name: join.file, table, on: join.on, key: join.key ?? join.on, as: join.as };
  });
}

/** The imported CSV's rows, each joined as it is read; a row with no match is noted in `unmatched`. */
function joinedRows(table: ReturnType<typeof openTable>, joins: Join[], unmatched: Map<number, string>): RowSource {
  const each = joiner(table.header, joins);
  return {
    header: each.header,
    rows: function* () {
      for (const row of table.rows()) {
        if (joins.length === 0) {
          yield row;
          continue;
        }
        const joined = each.join(row);
        if (joined.unmatched !== undefined) unmatched.set(row.line, joined.unmatched);
        yield joined.row;
      }
    },
  };
}

/** The folder of inspectorates, scales and frameworks an empty content folder gets: the mapping's, or the project's content/. */
function definitionsFolder(root: string, options: ImportOptions, parsed: MappingResult): string {
  const named = parsed.mapping?.data.definitions;
  if (named === undefined) return resolve(root, "content");
  const folder = resolve(dirname(resolve(root, options.mapping)), named);
  if (!existsSync(folder) || !lstatSync(folder).isDirectory())
    throw new ImportSetupError(
      `The mapping's definitions folder ${named} (${folder}) is not there; it should hold inspectorates/, scales/ and frameworks/.`,
    );
  return folder;
}

export function readImportInputs(given: ImportOptions): ImportInputs {
  const root = resolve(given.root);
  const options: Options = { ...given, root, dryRun: given.dryRun ?? false, encoding: given.encoding ?? "utf8" };
  const contentDir = resolve(root, options.content);
  const csvPath = resolve(root, options.csv);
  const source = basename(csvPath);
  const mappingText = readText(resolve(root, options.mapping), "mapping file");
  const parsed = parseMapping(posix(options.mapping), new TextEncoder().encode(mappingText));
  const unmatched = new Map<number, string>();
  const csv = openTable(csvPath, options.csv, options.encoding);
  const table = joinedRows(csv, readJoins(csvPath, parsed, options.encoding), unmatched);
  const read = readDefinitions(root, contentDir, options.content, definitionsFolder(root, options, parsed));
  const mapping = checkedMapping(options, parsed, table, read, source);
  refuseLinkedTargets(contentDir, [...new Set(read.copies.map((copy) => copy.path.split("/")[0]!))], options.content);
  return {
    ...readContentFolder(root, contentDir, read.target),
    options,
    source,
    table,
    mapping,
    definitions: read.definitions,
    copies: read.copies,
    definitionsFolder: read.from,
    unmatched,
  };
}
