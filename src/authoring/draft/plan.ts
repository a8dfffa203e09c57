/**
 * What `npm run draft` will do, worked out in full before anything is written: each
 * report's reading placed in a framework and turned into an inspection file (and a file
 * for an organisation the content does not know yet), or the reason it cannot be; each
 * file placed and settled by the importer's writing rules (src/authoring/import/writing-rules.ts).
 * A function of what was read alone: a dry run stops here.
 */
import { basename } from "node:path";
import type { FrameworkData, ScaleData } from "../../content/schema.ts";
import type { ContentFolder } from "../import/content-folder.ts";
import type { FileOutcome } from "../import/types.ts";
import type { FilesToWrite } from "../import/write.ts";
import {
  placeInspection,
  placementIn,
  settleFiles,
  type Placement,
  type Settled,
  type PlannedFile,
} from "../import/writing-rules.ts";
import { formatDayRange } from "../../model/dates.ts";
import { plural } from "../../model/labels.ts";
import { UNKNOWN_ID } from "../../model/outcomes.ts";
import { placeReading } from "../reports/framework.ts";
import { matchOrganisation, organisationId } from "../reports/organisation.ts";
import type { ReadOutcome, ReportReading } from "../reports/read-report.ts";
import { draftInspection, draftInspectionFile, draftOrganisation, draftOrganisationFile } from "./files.ts";

/** Everything a draft works from: the content folder as it is, and its frameworks and scales. */
export interface DraftInputs extends ContentFolder {
  /** The content folder, as given. */
  content: string;
  dryRun: boolean;
  frameworks: ReadonlyMap<string, FrameworkData>;
  scales: ReadonlyMap<string, ScaleData>;
}

/** A report named on the command line, and what reading it gave (or why it could not be read). */
export interface ReportRead {
  /** As named on the command line (a folder's files as folder/name). */
  report: string;
  outcome: ReadOutcome;
}

export interface ReportOutcome {
  /** The report as named on the command line (a folder's files as folder/name). */
  report: string;
  /** What happened to its inspection file, or why nothing could be drafted. */
  file?: FileOutcome;
  notDrafted?: string;
  /** "SIF single inspection, 29 April to 21 May 2014, 7 grades" */
  description?: string;
}

export interface DraftReport {
  content: string;
  dryRun: boolean;
  reports: ReportOutcome[];
  organisations: FileOutcome[];
  /** The files written (or unchanged) that have something for an editor. */
  review: Settled["review"];
  /** Milliseconds spent reading each report, in order. */
  readTimes: number[];
}

export interface DraftPlan extends FilesToWrite {
  report: DraftReport;
}

/** What a plan has decided so far. */
interface Run {
  inputs: DraftInputs;
  placement: Placement;
  planned: PlannedFile[];
  /** A planned inspection file -> the outcome of the report it is drafted from. */
  inspectionOf: Map<PlannedFile, ReportOutcome>;
  /** The content's organisations, and those planned in this run. */
  organisations: { id: string; name: string }[];
  /** Inspection key -> the report that first gave it. */
  keys: Map<string, string>;
}

/** The organisation a report is about: one in the content (or drafted earlier in this run), or a new one planned now. */
function organisationFor(run: Run, authority: string, source: string): { id: string; name: string } {
  const matched = matchOrganisation(authority, run.organisations);
  if (matched) return run.organisations.find((organisation) => organisation.id === matched)!;
  const id = organisationId(authority);
  const { data, review } = draftOrganisation(authority);
  run.organisations.push({ id, name: data.name });
  run.planned.push({
    path: `organisations/${id}.md`,
    type: "organisation",
    key: `organisation|${id}`,
    text: draftOrganisationFile(data, source),
    source,
    review,
  });
  return { id, name: data.name };
}

/** One report's reading -> its planned inspection file (and organisation), or why it cannot be drafted. */
function draftOne(run: Run, report: string, reading: ReportReading): ReportOutcome {
  const source = basename(report);
  const placed = placeReading(reading, run.inputs.frameworks, run.inputs.scales);
  if (!placed.ok) return { report, notDrafted: placed.reason };
  const { authority, visit } = reading;
  if (!authority) return { report, notDrafted: "its first page does not say which local authority it is about" };
  const organisation = organisationFor(run, authority, source);
  const draft = draftInspection(reading, placed.placed, organisation, source);
  const { framework, kind } = placed.placed;
  const label = framework.kinds.find((candidate) => candidate.id === kind)?.label ?? kind;
  const kindLabel = /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  const grades = Object.values(draft.data.judgements).filter(
    (grade) => typeof grade === "string" && grade !== UNKNOWN_ID,
  );
  const description = `${framework.shortName} ${kindLabel}, ${visit ? formatDayRange(visit.start, visit.end) : "visit dates not read"}, ${plural(grades.length, "grade")}`;
  const first = run.keys.get(draft.key);
  if (first !== undefined) return { report, notDrafted: `it is the same inspection as ${first}` };
  run.keys.set(draft.key, report);
  const place = placeInspection(run.placement, { ...draft, organisation: organisation.id });
  if ("leftAlone" in place)
    return { report, description, file: { ...place.leftAlone, type: "inspection", status: "left-alone" } };
  const file: PlannedFile = {
    path: place.path,
    type: "inspection",
    key: draft.key,
    text: draftInspectionFile(draft.data),
    source,
    review: draft.data.draft.needsReview,
  };
  const outcome: ReportOutcome = { report, description };
  run.planned.push(file);
  run.inspectionOf.set(file, outcome);
  return outcome;
}

/** The reports, read in the order named (`readTimes` in milliseconds, for the report), -> the plan. */
export function planDraft(inputs: DraftInputs, reads: readonly ReportRead[], readTimes: number[] = []): DraftPlan {
  const run: Run = {
    inputs,
    placement: placementIn(inputs),
    planned: [],
    inspectionOf: new Map(),
    organisations: inputs.organisations.map((entry) => ({ id: entry.id, name: entry.data.name })),
    keys: new Map(),
  };
  const reports = reads.map(({ report, outcome }) =>
    outcome.ok ? draftOne(run, report, outcome.reading) : { report, notDrafted: outcome.reason },
  );
  const settled = settleFiles(inputs, run.planned);
  const organisations: FileOutcome[] = [];
  run.planned.forEach((file, index) => {
    const outcome = run.inspectionOf.get(file);
    if (outcome) outcome.file = settled.outcomes[index]!;
    else organisations.push(settled.outcomes[index]!);
  });
  const { content, dryRun } = inputs;
  return {
    contentDir: settled.contentDir,
    report: { content, dryRun, reports, organisations, review: settled.review, readTimes },
    copies: [],
    writes: settled.writes,
    ...(settled.manifest ? { manifest: settled.manifest } : {}),
  };
}
