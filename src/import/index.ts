/**
 * `npm run import`: a CSV plus a mapping file -> organisation and inspection files, as
 * first drafts for editors. The one entry point is `runImport`; the CLI only parses
 * arguments and prints its report.
 *
 * Three steps: read and check everything it works from (inputs.ts), plan every file and
 * whether it may be written (plan.ts, which writes nothing: a dry run stops there), then
 * write what was planned (write.ts).
 */
import { readImportInputs } from "./inputs.ts";
import { planImport } from "./plan.ts";
import type { FileStatus, ImportOptions, ImportReport } from "./types.ts";
import { writePlanned } from "./write.ts";

export { ImportSetupError } from "./types.ts";
export type { FileOutcome, FileStatus, ImportOptions, ImportReport } from "./types.ts";

export function runImport(options: ImportOptions): ImportReport {
  const plan = planImport(readImportInputs(options));
  if (!plan.report.dryRun) writePlanned(plan);
  return plan.report;
}

/** The rows accounted for: every data row ends as exactly one inspection outcome or one skip. */
export function rowTotals(report: ImportReport): Record<FileStatus | "skipped", number> {
  const totals = { created: 0, updated: 0, unchanged: 0, "left-alone": 0, skipped: report.skipped.length };
  for (const file of report.files) if (file.type === "inspection") totals[file.status]++;
  return totals;
}
