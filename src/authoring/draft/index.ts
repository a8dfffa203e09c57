/**
 * `npm run draft`: report PDFs -> draft inspection files (and new organisations' files)
 * in a content folder, written by the importer's rules (src/authoring/import/writing-rules.ts): a
 * file an editor has changed, or that no import or draft wrote, is never written to.
 *
 * Three steps, as the importer's: read the content folder and each report (through the
 * report reader, src/authoring/reports), plan every file (plan.ts, which writes nothing: a dry run
 * stops there), then write what was planned (src/authoring/import/write.ts). Reports are read one at a time, and only what was read
 * from each is kept, so a folder of hundreds needs little more memory than one. A file
 * that cannot be drafted (not a PDF, encrypted, scanned, a letter of another kind) gets
 * its reason and nothing is written for it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadContent } from "../../content/load.ts";
import { readContentFolder, refuseLinkedTargets } from "../import/content-folder.ts";
import { ImportSetupError } from "../import/types.ts";
import { writePlanned } from "../import/write.ts";
import { readReport } from "../reports/read-report.ts";
import { planDraft, type DraftInputs, type DraftReport, type ReportRead } from "./plan.ts";

export type { DraftReport, ReportOutcome } from "./plan.ts";

export interface DraftOptions {
  /** The project folder: relative paths are read from here. */
  root: string;
  /** Report files, or folders of them. */
  reports: readonly string[];
  /** The content folder, relative to `root` or absolute. */
  content: string;
  dryRun?: boolean;
}

/** The report files named: files as given, folders as their PDF files in name order. */
export function reportFiles(root: string, named: readonly string[]): string[] {
  return named.flatMap((name) => {
    const path = resolve(root, name);
    if (!existsSync(path) || !statSync(path).isDirectory()) return [name];
    return readdirSync(path)
      .filter((file) => /\.pdf$/i.test(file) && !file.startsWith("."))
      .sort()
      .map((file) => join(name, file));
  });
}

/** The content folder to draft into, with its frameworks; an ImportSetupError when there is none to draft into. */
function readDraftInputs(options: DraftOptions): DraftInputs {
  const root = resolve(options.root);
  const contentDir = resolve(root, options.content);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory())
    throw new ImportSetupError(`The content folder ${options.content} does not exist.`);
  const { content } = loadContent(root, contentDir);
  if (content.frameworks.length === 0)
    throw new ImportSetupError(
      `The content folder ${options.content} has no frameworks (frameworks/*.yaml) to read reports against: copy the project's content/inspectorates, content/scales and content/frameworks into it.`,
    );
  refuseLinkedTargets(contentDir, [], options.content);
  return {
    ...readContentFolder(root, contentDir, content),
    content: options.content,
    dryRun: options.dryRun ?? false,
    frameworks: new Map(content.frameworks.map((entry) => [entry.id, entry.data])),
    scales: new Map(content.scales.map((entry) => [entry.id, entry.data])),
  };
}

/** Reads each report in turn; `readTimes` in milliseconds, one for each file that could be opened. */
async function readReports(root: string, files: readonly string[]) {
  const reads: ReportRead[] = [];
  const readTimes: number[] = [];
  for (const report of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(resolve(root, report)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === "ENOENT" ? "there is no such file" : (error as Error).message;
      reads.push({ report, outcome: { ok: false, reason } });
      continue;
    }
    const started = performance.now();
    reads.push({ report, outcome: await readReport(bytes) });
    readTimes.push(performance.now() - started);
  }
  return { reads, readTimes };
}

export async function runDraft(options: DraftOptions): Promise<DraftReport> {
  const root = resolve(options.root);
  const inputs = readDraftInputs(options);
  const { reads, readTimes } = await readReports(root, reportFiles(root, options.reports));
  const plan = planDraft(inputs, reads, readTimes);
  if (!plan.report.dryRun) writePlanned(plan);
  return plan.report;
}
