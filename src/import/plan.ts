/**
 * What an import will do, worked out in full before anything is written: every row turned
 * into an organisation and an inspection or a reason it was skipped, every file's path and
 * text, and for each file whether it may be written. A function of what was read
 * (inputs.ts) alone: it reads and writes nothing itself, so a dry run is this and nothing
 * more, and the writer (write.ts) only carries it out.
 *
 * The rules it keeps, in order of importance:
 * 1. A file an editor has changed, or that no import wrote, is never written to
 *    (see manifest.ts for how the import knows).
 * 2. Nothing is invented: a row the content model cannot support is skipped with its
 *    line and the reason; a grade that cannot be read is left out and flagged.
 * 3. The same CSV and mapping give the same files, byte for byte; a second run changes
 *    nothing.
 */
import { resolve, sep } from "node:path";
import type { OrganisationData } from "../content/schema.ts";
import { visitPeriod } from "../model/dates.ts";
import { inspectionFile, organisationFile } from "./files.ts";
import type { ImportInputs } from "./inputs.ts";
import { hashOf, MANIFEST_NAME, serialiseManifest, type Manifest } from "./manifest.ts";
import { rowToInspection, rowToOrganisation, type InspectionDraft, type OrganisationDraft } from "./rows.ts";
import type { FileOutcome, FileStatus, ImportReport } from "./types.ts";

export interface ImportPlan {
  report: ImportReport;
  /** Shipped definition files to copy into a content folder that had none. */
  copies: { from: string; to: string }[];
  /** Files to write whole: absolute path and text. */
  writes: { path: string; text: string }[];
  /** The manifest's new text, when it is to be written. */
  manifest?: { path: string; text: string };
}

interface PlannedFile {
  path: string;
  type: FileOutcome["type"];
  key: string;
  text: string;
  line?: number;
  review: string[];
}

type Skipped = ImportReport["skipped"];

/** An organisation as the rows give it: the first row's details, and notes on rows that differ. */
interface RowOrganisation {
  draft: OrganisationDraft;
  line: number;
  notes: string[];
}

/** The same organisation met again: a note for the editor of each detail that differs from the first row's. */
function noteDifferences(known: RowOrganisation, draft: OrganisationDraft, line: number): void {
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
      `Line ${line} gives different details (${differences.join("; ")}); the file uses line ${known.line}'s.`,
    );
}

/** Rows -> organisations and inspection drafts; a row that cannot be one is skipped with its reason. */
function readRows(inputs: ImportInputs, skipped: Skipped) {
  const { mapping, definitions, source } = inputs;
  const existing = new Map(inputs.organisations.map((entry) => [entry.id, entry.data]));
  // An organisation already in the content with the same code is the same organisation, whatever its id.
  const byCode = new Map<string, string>();
  for (const { id, data } of inputs.organisations)
    for (const [code, value] of Object.entries(data.codes ?? {})) byCode.set(`${code}:${String(value)}`, id);
  const organisations = new Map<string, RowOrganisation>();
  const drafts: InspectionDraft[] = [];
  for (const row of inputs.table.rows) {
    const organisation = rowToOrganisation(row, mapping);
    if (!organisation.ok) {
      skipped.push({ line: row.line, reason: organisation.reason });
      continue;
    }
    const draft = organisation.value;
    const matched = Object.entries(draft.data.codes ?? {})
      .map(([code, value]) => byCode.get(`${code}:${value}`))
      .find((id) => id !== undefined);
    const id = matched ?? draft.id;
    const known = organisations.get(id);
    if (known) noteDifferences(known, draft, row.line);
    else organisations.set(id, { draft, line: row.line, notes: [...draft.notes] });
    const name = existing.get(id)?.name ?? organisations.get(id)!.draft.data.name;
    const inspection = rowToInspection(row, { mapping, definitions, source }, { id, name });
    if (inspection.ok) drafts.push(inspection.value);
    else skipped.push({ line: row.line, reason: inspection.reason });
  }
  return { organisations, drafts };
}

/** Where each inspection already in the content is, by what makes two the same inspection. */
function inspectionsByKey(inputs: ImportInputs): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const { data, path } of inputs.inspections) {
    const key = `${data.organisation}|${data.framework}|${data.kind}|${visitPeriod(data.visit)?.start}`;
    if (!byKey.has(key)) byKey.set(key, path);
  }
  return byKey;
}

/**
 * The drafts to write, one per inspection: a second row for the same inspection is skipped,
 * and an inspection already in the content in a file no import may touch is left alone.
 */
function newInspections(inputs: ImportInputs, drafts: InspectionDraft[], files: FileOutcome[], skipped: Skipped) {
  const { manifest } = inputs;
  const reserved = reservedPaths(manifest);
  const existing = inspectionsByKey(inputs);
  const firstLineOf = new Map<string, number>();
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
    const there = existing.get(draft.key);
    if (there !== undefined && there !== reserved.get(draft.key)) {
      const whose = manifest.files.has(there)
        ? "an imported file that has since been edited"
        : "not written by an import";
      const reason = `this inspection is already in the content (${whose})`;
      files.push({ path: there, type: "inspection", status: "left-alone", line: draft.line, reason });
      continue;
    }
    unique.push(draft);
  }
  return unique.sort(
    (a, b) =>
      a.data.organisation.localeCompare(b.data.organisation) || a.start.localeCompare(b.start) || a.line - b.line,
  );
}

/** The path an earlier import wrote for each inspection key. */
function reservedPaths(manifest: Manifest): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const [path, entry] of manifest.files) if (!byKey.has(entry.key)) byKey.set(entry.key, path);
  return byKey;
}

/** Each inspection's file: the path an earlier import gave it, or the first free `<year>-<kind>[-n].md`. */
function inspectionFiles(inputs: ImportInputs, drafts: readonly InspectionDraft[]): PlannedFile[] {
  const reserved = reservedPaths(inputs.manifest);
  const taken = new Set<string>(inputs.manifest.files.keys());
  return drafts.map((draft) => {
    let path = reserved.get(draft.key);
    for (let count = 1; path === undefined; count++) {
      const candidate = `inspections/${draft.data.organisation}/${draft.baseName}${count === 1 ? "" : `-${count}`}.md`;
      if (!taken.has(candidate) && !inputs.folder.entries.has(candidate)) path = candidate;
    }
    taken.add(path);
    const text = inspectionFile(draft.data);
    return { path, type: "inspection", key: draft.key, text, line: draft.line, review: draft.data.draft.needsReview };
  });
}

function organisationFiles(inputs: ImportInputs, organisations: Map<string, RowOrganisation>): PlannedFile[] {
  const paths = new Map(inputs.organisations.map((entry) => [entry.id, entry.path]));
  return [...organisations].map(([id, { draft, notes }]) => {
    const data: OrganisationData = draft.data;
    return {
      path: paths.get(id) ?? `organisations/${id}.md`,
      type: "organisation",
      key: `organisation|${id}`,
      text: organisationFile(data, inputs.source),
      review: notes,
    };
  });
}

/** Whether a planned file may be written, from what is at its path and what the manifest says of it. */
function statusOf(inputs: ImportInputs, file: PlannedFile): { status: FileStatus; reason?: string } {
  const entry = inputs.manifest.files.get(file.path);
  const occupant = inputs.folder.entries.get(file.path);
  if (occupant === "link")
    return { status: "left-alone", reason: "it is a symbolic link, which an import never writes through" };
  if (occupant === undefined) {
    if (!entry) return { status: "created" };
    const again = `remove its entry from ${MANIFEST_NAME} to import it again`;
    return { status: "left-alone", reason: `it was deleted after it was imported, so it is not recreated (${again})` };
  }
  if (!entry) return { status: "left-alone", reason: "not written by an import; used as it is" };
  const current = inputs.folder.imported.get(file.path);
  if (current === undefined || hashOf(current) !== entry.sha256)
    return { status: "left-alone", reason: "edited since it was imported" };
  return { status: current === file.text ? "unchanged" : "updated" };
}

/** The manifest after these writes: its text, when it changes (and there is anything to record). */
function manifestAfter(inputs: ImportInputs, writes: readonly PlannedFile[]): ImportPlan["manifest"] {
  const manifest: Manifest = { files: new Map(inputs.manifest.files) };
  for (const file of writes)
    manifest.files.set(file.path, { key: file.key, source: inputs.source, sha256: hashOf(file.text) });
  const text = serialiseManifest(manifest);
  const before = inputs.manifestText;
  if (text === before || (writes.length === 0 && before === undefined)) return undefined;
  return { path: resolve(inputs.contentDir, MANIFEST_NAME), text };
}

export function planImport(inputs: ImportInputs): ImportPlan {
  const { contentDir, source, options } = inputs;
  const skipped: Skipped = [];
  const files: FileOutcome[] = [];
  const { organisations, drafts } = readRows(inputs, skipped);
  const unique = newInspections(inputs, drafts, files, skipped);
  const planned = [...inspectionFiles(inputs, unique), ...organisationFiles(inputs, organisations)];
  const review: ImportReport["review"] = [];
  const writes: PlannedFile[] = [];
  for (const file of planned) {
    if (!resolve(contentDir, file.path).startsWith(contentDir + sep))
      throw new Error(`Refusing to write outside the content folder: ${file.path}`);
    const { status, reason } = statusOf(inputs, file);
    const line = file.line !== undefined ? { line: file.line } : {};
    files.push({ path: file.path, type: file.type, status, ...(reason ? { reason } : {}), ...line });
    if (status === "created" || status === "updated") writes.push(file);
    if (status !== "left-alone" && file.review.length > 0)
      review.push({ path: file.path, ...line, items: file.review });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  skipped.sort((a, b) => a.line - b.line);
  review.sort((a, b) => a.path.localeCompare(b.path));
  const manifest = manifestAfter(inputs, writes);
  return {
    report: {
      source,
      rows: inputs.table.rows.length,
      content: options.content,
      dryRun: options.dryRun,
      copied: inputs.copies.map((copy) => copy.path),
      files,
      skipped,
      review,
    },
    copies: inputs.copies.map(({ from, to }) => ({ from, to })),
    writes: writes.map((file) => ({ path: resolve(contentDir, file.path), text: file.text })),
    ...(manifest ? { manifest } : {}),
  };
}
