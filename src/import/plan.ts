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
import { slugify } from "../content/ids.ts";
import { sameInspectionIndex } from "../content/same-inspection.ts";
import type { OrganisationData } from "../content/schema.ts";
import { inspectionFile, organisationFile } from "./files.ts";
import { fitId } from "./names.ts";
import { ReportFiller } from "./from-reports.ts";
import { readHistory } from "./history.ts";
import type { ImportInputs } from "./inputs.ts";
import { rowToInspection, rowToOrganisation, type InspectionDraft, type OrganisationDraft } from "./rows.ts";
import type { FileOutcome, ImportReport } from "./types.ts";
import type { FilesToWrite } from "./write.ts";
import { placeInspection, placementIn, settleFiles, type PlannedFile } from "./writing-rules.ts";

export interface ImportPlan extends FilesToWrite {
  report: ImportReport;
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

/** Rows -> organisations and inspection drafts; a row that cannot be one is skipped with its reason. */
function readRows(inputs: ImportInputs, skipped: Skipped) {
  const { mapping, definitions, source, options } = inputs;
  const existing = new Map(inputs.organisations.map((entry) => [entry.id, entry.data]));
  // An organisation already in the content with the same code is the same organisation, whatever its id.
  const byCode = new Map<string, string>();
  for (const { id, data } of inputs.organisations)
    for (const [code, value] of Object.entries(data.codes ?? {})) byCode.set(`${code}:${String(value)}`, id);
  const organisations = new Map<string, RowOrganisation>();
  const drafts: InspectionDraft[] = [];
  // With --reports, each row's gaps are filled from the report about the same inspection (from-reports.ts).
  const reports = options.reports && new ReportFiller(options.reports, mapping, definitions);
  // Rows that are gradings become the inspections they tell of (history.ts).
  const history = readHistory(inputs.table.rows, mapping);
  skipped.push(...history.skipped);
  const context = { mapping, definitions, source, history: history.contexts };
  for (const csvRow of history.rows) {
    const unmatched = inputs.unmatched.get(csvRow.line);
    if (unmatched) {
      skipped.push({ line: csvRow.line, reason: unmatched });
      continue;
    }
    const filled = reports?.fill(csvRow);
    const row = filled?.row ?? csvRow;
    const organisation = rowToOrganisation(row, mapping, history.latestListed);
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
    if (!inspection.ok) skipped.push({ line: row.line, reason: inspection.reason });
    else drafts.push(filled ? reports!.complete(inspection.value, filled) : inspection.value);
  }
  return { organisations, drafts, ...(reports ? { reports: reports.summary() } : {}) };
}

/**
 * The files of the inspections, one per inspection, placed by the writing rules: a second
 * row for the same inspection is skipped, and an inspection already in the content in a
 * file no import may touch is left alone.
 */
function inspectionFiles(
  inputs: ImportInputs,
  drafts: InspectionDraft[],
  files: FileOutcome[],
  skipped: Skipped,
): PlannedFile[] {
  const firstLineOf = sameInspectionIndex<number>();
  const unique: InspectionDraft[] = [];
  for (const draft of drafts) {
    const first = firstLineOf.find(draft.data);
    if (first !== undefined) {
      skipped.push({
        line: draft.line,
        reason: `the same inspection as line ${first} (same organisation, framework, kind and day of the visit or of the report, or the same report)`,
      });
      continue;
    }
    firstLineOf.add(draft.data, draft.line);
    unique.push(draft);
  }
  unique.sort(
    (a, b) =>
      a.data.organisation.localeCompare(b.data.organisation) || a.start.localeCompare(b.start) || a.line - b.line,
  );
  const placement = placementIn(inputs);
  return unique.flatMap((draft): PlannedFile[] => {
    const place = placeInspection(placement, { ...draft, organisation: draft.data.organisation });
    if ("leftAlone" in place) {
      files.push({ ...place.leftAlone, type: "inspection", status: "left-alone", line: draft.line });
      return [];
    }
    const text = inspectionFile(draft.data, draft.notes);
    const review = draft.data.draft.needsReview;
    return [
      { path: place.path, type: "inspection", key: draft.key, text, source: inputs.source, line: draft.line, review },
    ];
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
      text: organisationFile(data, inputs.source, draft.details),
      source: inputs.source,
      review: notes,
    };
  });
}

export function planImport(inputs: ImportInputs): ImportPlan {
  const { source, options } = inputs;
  const skipped: Skipped = [];
  const files: FileOutcome[] = [];
  const { organisations, drafts, reports } = readRows(inputs, skipped);
  const planned = [...inspectionFiles(inputs, drafts, files, skipped), ...organisationFiles(inputs, organisations)];
  const { contentDir, outcomes, review, writes, manifest } = settleFiles(inputs, planned);
  files.push(...outcomes);
  files.sort((a, b) => a.path.localeCompare(b.path));
  skipped.sort((a, b) => a.line - b.line);
  review.sort((a, b) => a.path.localeCompare(b.path));
  return {
    contentDir,
    report: {
      source,
      rows: inputs.table.rows.length,
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
  };
}
