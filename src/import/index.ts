/**
 * `npm run import`: a CSV plus a mapping file -> organisation and inspection files, as
 * first drafts for editors. The one entry point is `runImport`; the CLI only parses
 * arguments and prints its report.
 *
 * Safety rules, in order of importance:
 * 1. A file an editor has changed, or that no import wrote, is never written to
 *    (see manifest.ts for how the import knows).
 * 2. Nothing is invented: a row the content model cannot support is skipped with its
 *    line and the reason; a grade that cannot be read is left out and flagged.
 * 3. The same CSV and mapping give the same files, byte for byte; a second run changes
 *    nothing.
 * 4. Every file is written whole (to a temporary name, then renamed), only inside the
 *    content folder, never through a symbolic link.
 */
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { loadContent } from "../content/load.ts";
import { formatProblem, sortProblems, type ContentProblem } from "../content/problems.ts";
import type { OrganisationData } from "../content/schema.ts";
import { visitPeriod } from "../model/dates.ts";
import { CsvError, readCsv, type CsvTable } from "./csv.ts";
import { inspectionFile, organisationFile } from "./files.ts";
import { hashOf, MANIFEST_NAME, ManifestError, parseManifest, serialiseManifest, type Manifest } from "./manifest.ts";
import { checkMappingAgainst, missingColumns, parseMapping, type Definitions } from "./mapping.ts";
import { rowToInspection, rowToOrganisation, type InspectionDraft, type OrganisationDraft } from "./rows.ts";

export interface ImportOptions {
  /** The project folder: relative paths are read from here, and the shipped definitions from its content/. */
  root: string;
  csv: string;
  mapping: string;
  /** The content folder to import into, relative to `root` or absolute. */
  content: string;
  /** Work everything out and report it, but write nothing. */
  dryRun?: boolean;
}

export type FileStatus = "created" | "updated" | "unchanged" | "left-alone";

export interface FileOutcome {
  /** Relative to the content folder, with forward slashes. */
  path: string;
  type: "inspection" | "organisation";
  status: FileStatus;
  /** Why a file was left alone. */
  reason?: string;
  /** For an inspection: the CSV line it came from. */
  line?: number;
}

export interface ImportReport {
  /** The CSV's file name. */
  source: string;
  /** Data rows in the CSV (the header not counted). */
  rows: number;
  /** The content folder, as given. */
  content: string;
  dryRun: boolean;
  /** Inspectorate, scale and framework files copied into an empty content folder. */
  copied: string[];
  files: FileOutcome[];
  skipped: { line: number; reason: string }[];
  review: { path: string; line?: number; items: string[] }[];
}

/** The command was given something it cannot work with: bad arguments, mapping, CSV or manifest. */
export class ImportSetupError extends Error {
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = "ImportSetupError";
    this.details = details;
  }
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

const posix = (path: string) => path.split(sep).join("/");

/** Writes a whole file or nothing: a temporary file beside it, then a rename. */
function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.import-tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function setupProblems(message: string, problems: readonly ContentProblem[]): ImportSetupError {
  return new ImportSetupError(message, problems.map(formatProblem));
}

interface PlannedFile {
  path: string;
  type: FileOutcome["type"];
  key: string;
  text: string;
  line?: number;
  review: string[];
}

export function runImport(options: ImportOptions): ImportReport {
  const root = resolve(options.root);
  const csvPath = resolve(root, options.csv);
  const mappingPath = resolve(root, options.mapping);
  const contentDir = resolve(root, options.content);
  const dryRun = options.dryRun ?? false;
  const source = basename(csvPath);

  // 1. The CSV and the mapping, checked before anything is read from or written to the content.
  let table: CsvTable;
  try {
    table = readCsv(readText(csvPath, "CSV file"));
  } catch (error) {
    if (error instanceof CsvError)
      throw new ImportSetupError(`${options.csv}:${error.line}  ${error.message} Nothing was imported.`);
    throw error;
  }
  const mappingText = readText(mappingPath, "mapping file");
  const parsed = parseMapping(posix(options.mapping), new TextEncoder().encode(mappingText));
  const mappingProblems = [...parsed.problems];
  const mapping = parsed.mapping;
  if (mapping) mappingProblems.push(...missingColumns(mapping, table.header));

  // 2. The frameworks and scales to import against: the content folder's own, or, for a
  //    folder with no frameworks yet, the project's shipped ones, copied in.
  if (existsSync(contentDir) && !lstatSync(contentDir).isDirectory())
    throw new ImportSetupError(`The content folder ${options.content} is a file, not a folder.`);
  const shipped = resolve(root, "content");
  const needsDefinitions = yamlFilesIn(join(contentDir, "frameworks")).length === 0;
  const copies: { from: string; to: string; path: string }[] = [];
  if (needsDefinitions) {
    if (shipped === contentDir || yamlFilesIn(join(shipped, "frameworks")).length === 0) {
      throw new ImportSetupError(
        `The content folder ${options.content} has no frameworks (frameworks/*.yaml) to import against, and there are none in ${shipped} to copy in.`,
      );
    }
    for (const folder of DEFINITION_FOLDERS) {
      for (const name of yamlFilesIn(join(shipped, folder))) {
        const to = join(contentDir, folder, name);
        if (!existsSync(to)) copies.push({ from: join(shipped, folder, name), to, path: `${folder}/${name}` });
      }
    }
  }
  const targetContent = existsSync(contentDir) ? loadContent(root, contentDir).content : undefined;
  const definitionsContent = needsDefinitions || !targetContent ? loadContent(root, shipped).content : targetContent;
  const definitions: Definitions = {
    frameworks: new Map(definitionsContent.frameworks.map((entry) => [entry.id, entry.data])),
    scales: new Map(definitionsContent.scales.map((entry) => [entry.id, entry.data])),
  };
  if (mapping) mappingProblems.push(...checkMappingAgainst(mapping, definitions));
  if (!mapping || mappingProblems.length > 0) {
    throw setupProblems(
      `The mapping file ${options.mapping} has problems (checked against ${source} and the frameworks in ${needsDefinitions ? "content" : options.content}); nothing was imported.`,
      sortProblems(mappingProblems),
    );
  }

  // 3. What is already there: the manifest of earlier imports, organisations, inspections.
  const manifestPath = join(contentDir, MANIFEST_NAME);
  let manifest: Manifest;
  try {
    manifest = parseManifest(existsSync(manifestPath) ? readFileSync(manifestPath, "utf8") : undefined);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    throw new ImportSetupError(
      `The import manifest ${posix(relative(root, manifestPath))} cannot be read: ${error.message}. Restore it from version control; deleting it would make every imported file look hand-written, so none would ever be updated.`,
    );
  }
  const existing = targetContent ?? { organisations: [], inspections: [] };
  const inContent = (filePath: string) => posix(relative(contentDir, resolve(root, filePath)));
  const existingOrganisations = new Map(
    existing.organisations.map((entry) => [entry.id, { data: entry.data, path: inContent(entry.file.path) }]),
  );
  const existingByKey = new Map<string, string>();
  for (const entry of existing.inspections) {
    const start = visitPeriod(entry.data.visit)?.start;
    const key = `${entry.data.organisation}|${entry.data.framework}|${entry.data.kind}|${start}`;
    if (!existingByKey.has(key)) existingByKey.set(key, inContent(entry.file.path));
  }
  const manifestByKey = new Map<string, string>();
  for (const [path, entry] of manifest.files) if (!manifestByKey.has(entry.key)) manifestByKey.set(entry.key, path);

  // 4. Rows -> organisations and inspections.
  const skipped: ImportReport["skipped"] = [];
  const organisations = new Map<string, { draft: OrganisationDraft; line: number; notes: string[] }>();
  const byCode = new Map<string, string>();
  for (const [id, { data }] of existingOrganisations) {
    for (const [code, value] of Object.entries(data.codes ?? {})) byCode.set(`${code}:${String(value)}`, id);
  }
  const drafts: InspectionDraft[] = [];
  const context = { mapping, definitions, source };
  for (const row of table.rows) {
    const organisation = rowToOrganisation(row, mapping);
    if (!organisation.ok) {
      skipped.push({ line: row.line, reason: organisation.reason });
      continue;
    }
    const draft = organisation.value;
    // An organisation already in the content with the same code is the same organisation, whatever its id.
    const matched = Object.entries(draft.data.codes ?? {})
      .map(([code, value]) => byCode.get(`${code}:${value}`))
      .find((id) => id !== undefined);
    const id = matched ?? draft.id;
    const known = organisations.get(id);
    if (!known) organisations.set(id, { draft, line: row.line, notes: [...draft.notes] });
    else {
      const first = known.draft.data as Record<string, unknown>;
      const later = draft.data as Record<string, unknown>;
      const differences = [...new Set([...Object.keys(first), ...Object.keys(later)])]
        .filter((field) => JSON.stringify(first[field]) !== JSON.stringify(later[field]))
        .map(
          (field) =>
            `${field} ${JSON.stringify(later[field] ?? null)} where line ${known.line} has ${JSON.stringify(first[field] ?? null)}`,
        );
      if (differences.length > 0)
        known.notes.push(
          `Line ${row.line} gives different details (${differences.join("; ")}); the file uses line ${known.line}'s.`,
        );
    }
    const name = existingOrganisations.get(id)?.data.name ?? organisations.get(id)!.draft.data.name;
    const inspection = rowToInspection(row, context, { id, name });
    if (!inspection.ok) skipped.push({ line: row.line, reason: inspection.reason });
    else drafts.push(inspection.value);
  }

  // 5. One file per inspection: duplicates and inspections already in the content are not written twice.
  const files: FileOutcome[] = [];
  const planned: PlannedFile[] = [];
  const firstLineOf = new Map<string, number>();
  const taken = new Set<string>(manifest.files.keys());
  const unique: InspectionDraft[] = [];
  for (const draft of drafts) {
    const first = firstLineOf.get(draft.key);
    if (first !== undefined) {
      skipped.push({
        line: draft.line,
        reason: `the same inspection as line ${first} (same organisation, framework, kind and first day of the visit)`,
      });
      continue;
    }
    firstLineOf.set(draft.key, draft.line);
    const reserved = manifestByKey.get(draft.key);
    const there = existingByKey.get(draft.key);
    if (there !== undefined && there !== reserved) {
      const whose = manifest.files.has(there)
        ? "an imported file that has since been edited"
        : "not written by an import";
      files.push({
        path: there,
        type: "inspection",
        status: "left-alone",
        line: draft.line,
        reason: `this inspection is already in the content (${whose})`,
      });
      continue;
    }
    unique.push(draft);
  }
  unique.sort(
    (a, b) =>
      a.data.organisation.localeCompare(b.data.organisation) || a.start.localeCompare(b.start) || a.line - b.line,
  );
  for (const draft of unique) {
    let path = manifestByKey.get(draft.key);
    if (path === undefined) {
      const folder = `inspections/${draft.data.organisation}`;
      for (let count = 1; ; count++) {
        const candidate = `${folder}/${draft.baseName}${count === 1 ? "" : `-${count}`}.md`;
        if (!taken.has(candidate) && !existsSync(join(contentDir, candidate)) && !isLink(join(contentDir, candidate))) {
          path = candidate;
          break;
        }
      }
    }
    taken.add(path);
    planned.push({
      path,
      type: "inspection",
      key: draft.key,
      text: inspectionFile(draft.data),
      line: draft.line,
      review: draft.data.draft.needsReview,
    });
  }
  for (const [id, { draft, notes }] of organisations) {
    const path = existingOrganisations.get(id)?.path ?? `organisations/${id}.md`;
    const data: OrganisationData = draft.data;
    planned.push({
      path,
      type: "organisation",
      key: `organisation|${id}`,
      text: organisationFile(data, source),
      review: notes,
    });
  }

  // 6. Decide, file by file, whether it may be written.
  const review: ImportReport["review"] = [];
  const writes: PlannedFile[] = [];
  for (const file of planned) {
    const absolute = resolve(contentDir, file.path);
    if (!absolute.startsWith(contentDir + sep))
      throw new Error(`Refusing to write outside the content folder: ${file.path}`);
    const entry = manifest.files.get(file.path);
    const outcome = (status: FileStatus, reason?: string): FileOutcome => ({
      path: file.path,
      type: file.type,
      status,
      ...(reason ? { reason } : {}),
      ...(file.line !== undefined ? { line: file.line } : {}),
    });
    let result: FileOutcome;
    if (isLink(absolute)) result = outcome("left-alone", "it is a symbolic link, which an import never writes through");
    else if (!existsSync(absolute)) {
      result = entry
        ? outcome(
            "left-alone",
            `it was deleted after it was imported, so it is not recreated (remove its entry from ${MANIFEST_NAME} to import it again)`,
          )
        : outcome("created");
    } else if (!entry) {
      result = outcome("left-alone", "not written by an import; used as it is");
    } else {
      const current = readFileSync(absolute, "utf8");
      if (hashOf(current) !== entry.sha256) result = outcome("left-alone", "edited since it was imported");
      else result = outcome(current === file.text ? "unchanged" : "updated");
    }
    files.push(result);
    if (result.status === "created" || result.status === "updated") writes.push(file);
    if (result.status !== "left-alone" && file.review.length > 0) {
      review.push({ path: file.path, ...(file.line !== undefined ? { line: file.line } : {}), items: file.review });
    }
  }

  // 7. Write: definitions for an empty folder, the files, then the manifest.
  const copied = copies.map((copy) => copy.path);
  if (!dryRun) {
    for (const copy of copies) {
      mkdirSync(dirname(copy.to), { recursive: true });
      copyFileSync(copy.from, copy.to);
    }
    for (const file of writes) {
      writeWhole(resolve(contentDir, file.path), file.text);
      manifest.files.set(file.path, { key: file.key, source, sha256: hashOf(file.text) });
    }
    const manifestText = serialiseManifest(manifest);
    const before = existsSync(manifestPath) ? readFileSync(manifestPath, "utf8") : undefined;
    if (manifestText !== before && (writes.length > 0 || before !== undefined)) writeWhole(manifestPath, manifestText);
  }

  files.sort((a, b) => a.path.localeCompare(b.path));
  skipped.sort((a, b) => a.line - b.line);
  review.sort((a, b) => a.path.localeCompare(b.path));
  return { source, rows: table.rows.length, content: options.content, dryRun, copied, files, skipped, review };
}

/** The rows accounted for: every data row ends as exactly one inspection outcome or one skip. */
export function rowTotals(report: ImportReport): Record<FileStatus | "skipped", number> {
  const totals = { created: 0, updated: 0, unchanged: 0, "left-alone": 0, skipped: report.skipped.length };
  for (const file of report.files) if (file.type === "inspection") totals[file.status]++;
  return totals;
}
