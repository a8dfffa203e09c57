/**
 * What an import will do, worked out in full before anything is written: every row turned
 * into an organisation and an inspection or a reason it was skipped, every file's path and
 * text, and for each file whether it may be written. A function of what was read
 * (inputs.ts) alone: it reads and writes nothing itself, so a dry run is this and nothing
 * more, and the writer (write.ts) only carries it out.
 *
 * The rules it keeps, in order of importance:
 * 1. A file an editor has changed, or that no import wrote, is never written to: the
 *    writing rules `npm run draft` shares (writing-rules.ts; manifest.ts says how they know).
 * 2. Nothing is invented: a row the content model cannot support is skipped with its
 *    line and the reason; a grade that cannot be read is left out and flagged.
 * 3. The same CSV and mapping give the same files, byte for byte; a second run changes
 *    nothing.
 */
import { slugify } from "../../content/ids.ts";
import { sameInspectionIndex } from "../../content/same-inspection.ts";
import type { OrganisationData } from "../../content/schema.ts";
import { inspectionFile, organisationFile } from "./files.ts";
import { fitId } from "./names.ts";
import { ReportFiller } from "./from-reports.ts";
import type { CsvRow } from "./csv.ts";
import { readHistory } from "./history.ts";
import { hashOf } from "./manifest.ts";
import type { ImportInputs } from "./inputs.ts";
import { rowToInspection, rowToOrganisation, type InspectionDraft, type OrganisationDraft } from "./rows.ts";
import type { FileOutcome, ImportReport } from "./types.ts";
import { Spool } from "./spool.ts";
import type { FilesToWrite } from "./write.ts";
import { placeInspection, placementIn, settleFiles, type Placement, type PlannedFile } from "./writing-rules.ts";

/** How often the import says how far it has read (`onProgress`). */
const PROGRESS_EVERY = 100_000;

export interface ImportPlan extends FilesToWrite {
  report: ImportReport;
  /** Where the texts to write wait: closed once they are written. */
  spool?: Spool;
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

/**
 * The id for a row's organisation: the one made from its name, unless another organisation
 * of the CSV already has it and the two have different codes (two care services of one
 * name): then the name's id with the code after it.
 */
function distinctId(organisations: ReadonlyMap<string, RowOrganisation>, draft: OrganisationDraft): string {
  const known = organisations.get(draft.id);
  const codes = Object.entries(draft.data.codes ?? {});
  const theirs = (known?.draft.data.codes ?? {}) as Record<string, unknown>;
  const differs = codes.find(([code, value]) => theirs[code] !== undefined && theirs[code] !== value);
  return differs ? fitId(draft.id, slugify(String(differs[1]))) : draft.id;
}

/**
 * What is kept of an inspection's draft once it is read: enough to place it and tell whether
 * its file may be written, and its text only when it is to be written (a dry run keeps the
 * hash alone), so a million rows never hold a million files' text.
 */
interface KeptDraft {
  key: string;
  baseName: string;
  start: string;
  line: number;
  organisation: string;
  /** The file in the content that already holds this inspection, if any (writing-rules.ts). */
  there?: string;
  sha256: string;
  text?: () => string;
  review: string[];
}

/** A file's hash, and (when it may be written) how to read its text back from the spool. */
const kept = (text: string, spool: Spool | undefined) => ({
  sha256: hashOf(text),
  ...(spool ? { text: spool.keep(text) } : {}),
});

function keep(draft: InspectionDraft, spool: Spool | undefined, placement: Placement): KeptDraft {
  const text = inspectionFile(draft.data, draft.notes);
  const there = placement.existing.find(draft.data);
  const review = draft.data.draft.needsReview;
  return {
    key: draft.key,
    baseName: draft.baseName,
    start: draft.start,
    line: draft.line,
    organisation: draft.data.organisation,
    ...(there === undefined ? {} : { there }),
    ...kept(text, spool),
    review: review.length === 0 ? NOTHING_TO_REVIEW : review,
  };
}

/** One empty list for the many drafts with nothing to review. */
const NOTHING_TO_REVIEW: string[] = [];

/**
 * The CSV's rows, read one at a time as they are used; rows that are gradings (history.ts)
 * are all read first, as each organisation's gradings must be seen together.
 */
function csvRows(inputs: ImportInputs, skipped: Skipped) {
  const counter = { rows: 0 };
  const progress = inputs.options.onProgress;
  const counting = function* (all: Iterable<CsvRow>) {
    for (const row of all) {
      counter.rows++;
      if (progress && counter.rows % PROGRESS_EVERY === 0) progress(counter.rows);
      yield row;
    }
  };
  if (!inputs.mapping.data.history) return { counter, rows: counting(inputs.table.rows()) };
  const history = readHistory([...counting(inputs.table.rows())], inputs.mapping);
  for (const skip of history.skipped) skipped.push(skip);
  return { counter, rows: history.rows, contexts: history.contexts, latestListed: history.latestListed };
}

/** Rows -> organisations and inspection drafts; a row that cannot be one is skipped with its reason. */
function readRows(inputs: ImportInputs, skipped: Skipped, placement: Placement, spool: Spool | undefined) {
  const { mapping, definitions, source, options } = inputs;
  const existing = new Map(inputs.organisations.map((entry) => [entry.id, entry.data]));
  // An organisation already in the content with the same code is the same organisation, whatever its id.
  const byCode = new Map<string, string>();
  for (const { id, data } of inputs.organisations)
    for (const [code, value] of Object.entries(data.codes ?? {})) byCode.set(`${code}:${String(value)}`, id);
  const organisations = new Map<string, RowOrganisation>();
  const drafts: KeptDraft[] = [];
  const firstLineOf = sameInspectionIndex<number>();
  // With --reports, each row's gaps are filled from the report about the same inspection (from-reports.ts).
  const reports = options.reports && new ReportFiller(options.reports, mapping, definitions);
  const read = csvRows(inputs, skipped);
  const context = { mapping, definitions, source, ...(read.contexts ? { history: read.contexts } : {}) };
  for (const csvRow of read.rows) {
    const unmatched = inputs.unmatched.get(csvRow.line);
    if (unmatched) {
      skipped.push({ line: csvRow.line, reason: unmatched });
      continue;
    }
    const filled = reports?.fill(csvRow);
    const row = filled?.row ?? csvRow;
    // The source's last listing is known only for gradings read whole (history.ts); a streamed CSV closes nothing.
    const organisation = rowToOrganisation(row, mapping, read.latestListed);
    if (!organisation.ok) {
      skipped.push({ line: row.line, reason: organisation.reason });
      continue;
    }
    const draft = organisation.value;
    const matched = Object.entries(draft.data.codes ?? {})
      .map(([code, value]) => byCode.get(`${code}:${value}`))
      .find((id) => id !== undefined);
    const id = matched ?? distinctId(organisations, draft);
    const known = organisations.get(id);
    if (known) noteDifferences(known, draft, row.line);
    else organisations.set(id, { draft, line: row.line, notes: [...draft.notes] });
    const name = existing.get(id)?.name ?? organisations.get(id)!.draft.data.name;
    const inspection = rowToInspection(row, context, { id, name });
    if (!inspection.ok) {
      skipped.push({ line: row.line, reason: inspection.reason });
      continue;
    }
    const complete = filled ? reports!.complete(inspection.value, filled) : inspection.value;
    const first = firstLineOf.find(complete.data);
    if (first !== undefined) skipped.push({ line: complete.line, reason: sameAs(first) });
    else {
      firstLineOf.add(complete.data, complete.line);
      drafts.push(keep(complete, spool, placement));
    }
  }
  return { organisations, drafts, rows: read.counter.rows, ...(reports ? { reports: reports.summary() } : {}) };
}

const sameAs = (first: number) =>
  `the same inspection as line ${first} (same organisation, framework, kind and day of the visit or of the report, or the same report)`;

/**
 * The files of the inspections, one per inspection (a second row for the same inspection
 * was skipped as it was read), placed by the writing rules: an inspection already in the
 * content in a file no import may touch is left alone.
 */
function inspectionFiles(
  inputs: ImportInputs,
  drafts: KeptDraft[],
  files: FileOutcome[],
  placement: Placement,
): PlannedFile[] {
  drafts.sort(
    (a, b) => a.organisation.localeCompare(b.organisation) || a.start.localeCompare(b.start) || a.line - b.line,
  );
  const planned: PlannedFile[] = [];
  for (const draft of drafts) {
    const place = placeInspection(placement, { ...draft, there: draft.there });
    if ("leftAlone" in place) {
      files.push({ ...place.leftAlone, type: "inspection", status: "left-alone", line: draft.line });
      continue;
    }
    const { key, sha256, text, line, review } = draft;
    planned.push({
      path: place.path,
      type: "inspection",
      key,
      sha256,
      ...(text === undefined ? {} : { text }),
      source: inputs.source,
      line,
      review,
    });
  }
  return planned;
}

function organisationFiles(
  inputs: ImportInputs,
  organisations: Map<string, RowOrganisation>,
  spool: Spool | undefined,
): PlannedFile[] {
  const paths = new Map(inputs.organisations.map((entry) => [entry.id, entry.path]));
  return [...organisations].map(([id, { draft, notes }]) => {
    const data: OrganisationData = draft.data;
    return {
      path: paths.get(id) ?? `organisations/${id}.md`,
      type: "organisation",
      key: `organisation|${id}`,
      ...kept(organisationFile(data, inputs.source, draft.details), spool),
      source: inputs.source,
      review: notes,
    };
  });
}

export function planImport(inputs: ImportInputs): ImportPlan {
  const { source, options } = inputs;
  const skipped: Skipped = [];
  const files: FileOutcome[] = [];
  const placement = placementIn(inputs);
  // The texts to write wait on disk, not in memory (spool.ts); a dry run keeps only their hashes.
  const spool = options.dryRun ? undefined : new Spool();
  const { organisations, drafts, rows, reports } = readRows(inputs, skipped, placement, spool);
  const planned = inspectionFiles(inputs, drafts, files, placement);
  drafts.length = 0;
  for (const file of organisationFiles(inputs, organisations, spool)) planned.push(file);
  const { contentDir, outcomes, review, writes, manifest } = settleFiles(inputs, planned, { dryRun: options.dryRun });
  // One at a time: spreading an array of a million into push() overflows the call stack.
  for (const outcome of outcomes) files.push(outcome);
  files.sort((a, b) => a.path.localeCompare(b.path));
  skipped.sort((a, b) => a.line - b.line);
  review.sort((a, b) => a.path.localeCompare(b.path));
  return {
    contentDir,
    report: {
      source,
      rows,
      content: options.content,
      dryRun: options.dryRun,
      copied: inputs.copies.map((copy) => copy.path),
      definitions: inputs.definitionsFolder,
      files,
      skipped,
      review,
      ...(reports ? { reports } : {}),
    },
    copies: inputs.copies.map(({ from, to }) => ({ from, to })),
    writes,
    ...(manifest ? { manifest } : {}),
    ...(spool ? { spool } : {}),
  };
}
