/**
 * `npm run import`: a CSV plus a mapping file -> organisation and inspection files, as
 * first drafts for editors. The one entry point is `runImport`; the CLI only parses
 * arguments and prints its report.
 *
 * Three steps: read and check everything it works from (inputs.ts), plan every file and
 * whether it may be written (plan.ts, which writes nothing: a dry run stops there), then
 * write what was planned (write.ts).
 */
import { existsSync, rmdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { readImportInputs } from "./inputs.ts";
import { lockContent } from "./lock.ts";
import { planImport } from "./plan.ts";
import type { FileStatus, ImportOptions, ImportReport } from "./types.ts";
import { writePlanned } from "./write.ts";

export { ImportSetupError } from "./types.ts";
export type { FileOutcome, FileStatus, ImportOptions, ImportReport } from "./types.ts";

export function runImport(options: ImportOptions): ImportReport {
  if (options.dryRun) return planImport(readImportInputs(options)).report;
  // One writing command at a time in a content folder (lock.ts), from reading it to the last write.
  const contentDir = resolve(options.root, options.content);
  const existed = existsSync(contentDir);
  if (existed && !statSync(contentDir).isDirectory()) return planImport(readImportInputs(options)).report;
  const lock = lockContent(contentDir, options.content, "npm run import");
  try {
    const plan = planImport(readImportInputs(options));
    try {
      writePlanned(plan);
    } finally {
      plan.spool?.close();
    }
    return { ...plan.report, ...(lock.tookOver ? { staleLock: lock.tookOver } : {}) };
  } finally {
    lock.release();
    // A folder made only to hold the lock, by an import that then wrote nothing, is not left behind.
    if (!existed) removeIfEmpty(contentDir);
  }
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty: the import wrote into it.
  }
}

/** The rows accounted for: every data row ends as exactly one inspection outcome or one skip. */
export function rowTotals(report: ImportReport): Record<FileStatus | "skipped", number> {
  const totals = { created: 0, updated: 0, unchanged: 0, "left-alone": 0, skipped: report.skipped.length };
  for (const file of report.files) if (file.type === "inspection") totals[file.status]++;
  return totals;
}
