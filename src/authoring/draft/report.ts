/** What `npm run draft` prints: one line per report, the organisations, and what needs an editor's eye. */
import { reviewSection } from "../import/report.ts";
import type { FileOutcome } from "../import/types.ts";
import { plural } from "../../model/labels.ts";
import type { DraftReport, ReportOutcome } from "./plan.ts";

const VERBS: Record<FileOutcome["status"], [string, string]> = {
  created: ["created", "would create"],
  updated: ["updated", "would update"],
  unchanged: ["unchanged", "unchanged"],
  "left-alone": ["left alone", "would leave alone"],
};

function reportLine(outcome: ReportOutcome, dryRun: boolean): string {
  if (outcome.notDrafted !== undefined)
    return `  ${outcome.report}: not drafted: ${outcome.notDrafted}. Nothing was written for it.`;
  const file = outcome.file!;
  const verb = VERBS[file.status][dryRun ? 1 : 0];
  const why = file.reason ? `: ${file.reason}` : "";
  return `  ${outcome.report}: ${verb} ${file.path} (${outcome.description})${why}`;
}

export function formatDraftReport(report: DraftReport): string {
  const drafted = report.reports.filter((outcome) => outcome.file !== undefined).length;
  const out = [
    `Read ${drafted} of ${plural(report.reports.length, "report")} into ${report.content}.${report.dryRun ? " Dry run: nothing was written." : ""}`,
  ];
  for (const outcome of report.reports) out.push(reportLine(outcome, report.dryRun));
  if (report.organisations.length > 0) {
    out.push("", "Organisations:");
    for (const file of report.organisations) {
      out.push(`  ${VERBS[file.status][report.dryRun ? 1 : 0]} ${file.path}${file.reason ? `: ${file.reason}` : ""}`);
    }
  }
  out.push(...reviewSection(report.review));
  return out.join("\n");
}
