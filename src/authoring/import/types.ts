/** What `npm run import` is asked to do, and what it reports: shared by reading, planning and writing. */
import type { CsvEncoding } from "./csv.ts";
import type { ReadOutcome } from "../reports/read-report.ts";

export interface ImportOptions {
  /** The project folder: relative paths are read from here, and the shipped definitions from its content/. */
  root: string;
  csv: string;
  mapping: string;
  /** The content folder to import into, relative to `root` or absolute. */
  content: string;
  /** Work everything out and report it, but write nothing. */
  dryRun?: boolean;
  /** The CSV's encoding (and its joined CSVs'): UTF-8 unless said (docs/importing.md). */
  encoding?: CsvEncoding;
  /** Told how many rows have been read, every 100,000 (the CLI prints it on stderr). */
  onProgress?: (rows: number) => void;
  /** Reports to fill the CSV's gaps from (from-reports.ts): the folder, and what reading each report gave. */
  reports?: { folder: string; reads: ReportRead[] };
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
  /** Where they were copied from: the mapping's definitions folder, or the project's content/. */
  definitions: string;
  files: FileOutcome[];
  skipped: { line: number; reason: string }[];
  review: { path: string; line?: number; items: string[] }[];
  /** A lock left by an import that was stopped (lock.ts), taken over: who held it. */
  staleLock?: string;
  /** With `reports`: which reports filled which rows. */
  reports?: ReportsSummary;
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

/** A report in the folder and what reading it gave. */
export interface ReportRead {
  file: string;
  outcome: ReadOutcome;
}

/** A cell of the CSV that its report contradicts: the report's value is the one imported. */
export interface Disagreement {
  /** The CSV's line. */
  line: number;
  file: string;
  /** What it is: "the first day of the visit", an area id, "the lead inspector". */
  field: string;
  column: string;
  csv: string;
  report: string;
}

export interface ReportsSummary {
  folder: string;
  matched: { file: string; lines: number[] }[];
  /** Every cell a report contradicts, in the order of the CSV's lines. */
  disagreements: Disagreement[];
  /** Read, but no row of the CSV is its inspection. */
  unmatched: string[];
  /** Not a report the reader can read, with the reason. */
  unreadable: { file: string; reason: string }[];
}
