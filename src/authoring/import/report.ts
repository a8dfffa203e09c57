/** The import's report as the command prints it: what was created, left alone, skipped and needs review. */
import { plural } from "../../model/labels.ts";
import type { ReportsSummary } from "./from-reports.ts";
import { rowTotals, type FileOutcome, type ImportReport } from "./index.ts";

function fileLine(file: FileOutcome): string {
  const where = file.line !== undefined ? `  (line ${file.line})` : "";
  return `  ${file.path}${where}${file.reason ? `: ${file.reason}` : ""}`;
}

function reportsSection(reports: ReportsSummary): string[] {
  const out = [
    `Reports in ${reports.folder}: ${plural(reports.matched.length, "report")} filled the gaps of the CSV's rows about the same inspections.`,
  ];
  for (const { file, lines } of reports.matched)
    out.push(`  ${file}: ${lines.length === 1 ? "line" : "lines"} ${lines.join(", ")}`);
  if (reports.disagreements.length > 0) {
    out.push(`Where the CSV and its report disagree, the report's is imported (${reports.disagreements.length}):`);
    for (const { line, file, field, column, csv, report } of reports.disagreements)
      out.push(`  line ${line}, ${field} (${column}): CSV '${csv}', report '${report}' (${file})`);
  }
  if (reports.unmatched.length > 0) {
    out.push(`Read, but no row of the CSV is the same inspection (${reports.unmatched.length}):`);
    for (const file of reports.unmatched) out.push(`  ${file}`);
  }
  if (reports.unreadable.length > 0) {
    out.push(`Not used (${reports.unreadable.length}):`);
    for (const { file, reason } of reports.unreadable) out.push(`  ${file}: ${reason}`);
  }
  return out;
}

/** What needs an editor's eye, file by file (none: no lines); `npm run draft` prints it too. */
export function reviewSection(review: ImportReport["review"]): string[] {
  if (review.length === 0) return [];
  const out = [
    "",
    `Needs an editor's eye (${plural(review.length, "file")}; an inspection also lists its own in draft.needsReview):`,
  ];
  for (const { path, line, items } of review) {
    out.push(`  ${path}${line !== undefined ? `  (line ${line})` : ""}`);
    for (const item of items) out.push(`    - ${item}`);
  }
  return out;
}

/** The report as one string (tests); the command prints `reportLines` a few at a time, as a million lines do not fit one string. */
export function formatReport(report: ImportReport, mappingPath: string): string {
  return reportLines(report, mappingPath).join("\n");
}

/** The report's lines, in order. */
export function reportLines(report: ImportReport, mappingPath: string): string[] {
  const out: string[] = [];
  const verb = report.dryRun ? "Would import" : "Imported";
  out.push(
    `${verb} ${report.source} (${plural(report.rows, "row")}) into ${report.content} with ${mappingPath}.${report.dryRun ? " Dry run: nothing was written." : ""}`,
  );
  if (report.staleLock)
    out.push(
      "",
      `The content folder's lock was left by an import that is no longer running: ${report.staleLock}. Files it wrote are recognised by their bytes and updated as usual.`,
    );
  if (report.copied.length > 0) {
    out.push(
      "",
      `${report.dryRun ? "Would copy" : "Copied"} ${plural(report.copied.length, "definition file")} from ${report.definitions} into ${report.content}, which had no frameworks:`,
    );
    for (const path of report.copied) out.push(`  ${path}`);
  }
  const section = (status: FileOutcome["status"], title: string) => {
    const files = report.files.filter((file) => file.status === status);
    if (files.length === 0) return;
    out.push("", `${title} (${files.length}):`);
    for (const file of files) out.push(fileLine(file));
  };
  section("created", report.dryRun ? "Would create" : "Created");
  section(
    "updated",
    `${report.dryRun ? "Would update" : "Updated"}: unchanged since they were imported, rewritten with what the CSV and mapping now give`,
  );
  section("left-alone", "Left alone");
  if (report.skipped.length > 0) {
    out.push("", `Skipped rows (${report.skipped.length}): nothing was written for them.`);
    for (const { line, reason } of report.skipped) out.push(`  line ${line}: ${reason}`);
  }
  for (const line of reviewSection(report.review)) out.push(line);
  if (report.reports) out.push("", ...reportsSection(report.reports));
  const rows = rowTotals(report);
  const organisations = { created: 0, updated: 0, unchanged: 0, "left-alone": 0 };
  for (const file of report.files) if (file.type === "organisation") organisations[file.status]++;
  out.push(
    "",
    `Rows: ${report.rows} = ${rows.created} created + ${rows.updated} updated + ${rows.unchanged} unchanged + ${rows["left-alone"]} left alone + ${rows.skipped} skipped.`,
    `Organisations: ${organisations.created} created, ${organisations.updated} updated, ${organisations.unchanged} unchanged, ${organisations["left-alone"]} left alone.`,
  );
  return out;
}
