/**
 * `npm run bench -- --corpus <folder>` (or `--import <csv> --mapping <yaml>`): the bench on
 * a real content folder. It times `check`, the build as a user runs it (with the search
 * index; pictures as --build-args or --images say) into a temporary folder, the same build
 * without search (as the synthetic corpora are built, to compare the time per page), and the preview's one-file rebuild (bench/preview-rebuild.ts) on a
 * copy of the folder. The
 * folder itself is never written to: the bench lists it before and after, and stops if
 * anything changed. With --import, the spreadsheet is first imported, timed, into an empty
 * temporary folder, as `npm run import` would into a new site.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import type { BenchOptions, CorpusImport } from "./args.ts";
import { filesUnder, measure } from "./measure.ts";
import { measurePreviewRebuild } from "./preview-rebuild.ts";
import { measureOutput } from "../src/publishing/budget.ts";
import { outputSizes, type CorpusResult, type OutputFile, type PreviewResult } from "./report.ts";
import { checkRun, failed, fullBuildCommand, imagesRuns, log, settle } from "./steps.ts";

export type CorpusSource = { folder: string } | { import: CorpusImport };

/** "OK: 38740 inspections of 10001 organisations, ..." as check says it. */
export function parseCheckCounts(output: string): { inspections: number; organisations: number } | null {
  const match = /OK: ([\d,]+) inspections? of ([\d,]+) organisations?/.exec(output);
  return match
    ? { inspections: Number(match[1]!.replace(/,/g, "")), organisations: Number(match[2]!.replace(/,/g, "")) }
    : null;
}

/** Every file under `folder` with its size and modification time: compared before and after. */
function snapshot(folder: string): Map<string, string> {
  return new Map(
    filesUnder(folder).map((file) => {
      const stats = statSync(join(folder, file));
      return [file, `${stats.size} ${stats.mtimeMs}`];
    }),
  );
}

/** The files added, removed or changed between two snapshots, at most `limit`. */
export function snapshotChanges(before: Map<string, string>, after: Map<string, string>, limit = 5): string[] {
  const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file));
  const removed = [...before.keys()].filter((file) => !after.has(file));
  return [...changed, ...removed].sort().slice(0, limit);
}

function writtenFiles(folder: string): OutputFile[] {
  return filesUnder(folder).map((path) => ({ path, bytes: statSync(join(folder, path)).size }));
}

async function importCorpus(source: CorpusImport, content: string, root: string): Promise<CorpusResult["import"]> {
  log(`  importing ${source.csv} with ${source.mapping} into an empty folder`);
  settle(true);
  const measurement = await measure(
    [
      process.execPath,
      "--import",
      "tsx",
      "src/cli/import.ts",
      resolve(root, source.csv),
      "--mapping",
      resolve(root, source.mapping),
      "--content",
      content,
    ],
    { cwd: root },
  );
  if (measurement.exitCode !== 0)
    throw new Error(
      `npm run import failed on ${source.csv} (exit code ${measurement.exitCode}), so there is nothing to bench:\n${(measurement.stdout + measurement.stderr).slice(-3000)}`,
    );
  const files = filesUnder(content).length;
  log(`  imported ${files} files in ${measurement.wallSeconds.toFixed(1)} s`);
  return {
    wallSeconds: measurement.wallSeconds,
    cpuSeconds: measurement.cpuSeconds,
    peakRssBytes: measurement.peakRssBytes,
    files,
  };
}

/** The build as a user runs it, into `output`, and what it wrote. */
async function buildCorpus(content: string, output: string, buildArgs: readonly string[], root: string) {
  settle(true);
  const loadAverage = loadavg()[0]!;
  const command = fullBuildCommand(content, output, buildArgs);
  const measurement = await measure(command, { cwd: root });
  if (measurement.exitCode !== 0) failed("The full build of the corpus", measurement);
  const files = writtenFiles(output);
  return {
    run: 1,
    wallSeconds: measurement.wallSeconds,
    cpuSeconds: measurement.cpuSeconds,
    peakRssBytes: measurement.peakRssBytes,
    treePeakBytes: measurement.treePeakBytes,
    pages: files.filter((file) => file.path.endsWith(".html")).length,
    files: files.length,
    bytes: files.reduce((total, file) => total + file.bytes, 0),
    loadAverage,
    search: !buildArgs.includes("--no-search"),
    images: !buildArgs.includes("--no-images"),
    args: [
      "npm run build --",
      ...command
        .slice(command.indexOf("--content"))
        .map((arg) => (arg === content ? "<corpus>" : arg === output ? "<folder>" : arg)),
    ],
    sizes: outputSizes(files),
    budget: measureOutput(output),
  };
}

/** The same build with `--no-search`, as the synthetic corpora are built. */
async function buildWithoutSearch(
  content: string,
  output: string,
  buildArgs: readonly string[],
  root: string,
): Promise<CorpusResult["withoutSearch"]> {
  settle(true);
  const measurement = await measure(fullBuildCommand(content, output, [...buildArgs, "--no-search"]), { cwd: root });
  if (measurement.exitCode !== 0) failed("The full build of the corpus without search", measurement);
  return {
    wallSeconds: measurement.wallSeconds,
    cpuSeconds: measurement.cpuSeconds,
    peakRssBytes: measurement.peakRssBytes,
    treePeakBytes: measurement.treePeakBytes,
  };
}

function contentFolder(source: CorpusSource, work: string, root: string): string {
  if ("import" in source) return join(work, "content");
  const folder = resolve(root, source.folder);
  if (!existsSync(join(folder, "inspections")) || !statSync(folder).isDirectory())
    throw new Error(`${source.folder} is not a content folder (it has no inspections/ folder).`);
  return folder;
}

/** How long the preview may take to start, or a save to show, before the bench gives up on it. */
export const PREVIEW_TIMEOUT_SECONDS = 900;

async function previewOnCopy(content: string, work: string, root: string, edits: number) {
  const copy = join(work, "preview-content");
  cpSync(content, copy, { recursive: true });
  try {
    const measured = await measurePreviewRebuild({
      content: copy,
      root,
      edits,
      timeoutSeconds: PREVIEW_TIMEOUT_SECONDS,
      log: (line) => log(`  preview: ${line}`),
    });
    const preview: PreviewResult = {
      seconds: measured.seconds,
      startSeconds: measured.startSeconds,
      file: relative(copy, measured.file),
      images: measured.images,
      search: measured.search,
      edits: measured.edits,
    };
    log(`  preview: one-file rebuild ${preview.seconds.toFixed(2)} s, the median of ${preview.edits.length} edits`);
    return { preview };
  } catch (error) {
    log(`  preview: not measured: ${(error as Error).message.split("\n")[0]}`);
    return { preview: null, previewProblem: (error as Error).message };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

export async function benchCorpus(
  source: CorpusSource,
  options: BenchOptions,
  buildArgs: readonly string[],
  root: string,
): Promise<CorpusResult> {
  const work = mkdtempSync(join(tmpdir(), "explainers-bench-corpus-"));
  const name = "import" in source ? basename(source.import.csv) : basename(resolve(root, source.folder));
  try {
    log(`\nCorpus ${name}: working in ${work}`);
    const content = contentFolder(source, work, root);
    const imported = "import" in source ? await importCorpus(source.import, content, root) : null;
    const before = snapshot(content);
    const check = await checkRun(content, root);
    const counts = parseCheckCounts(check.stdout);
    log(`  check: ${check.wallSeconds.toFixed(2)} s (${check.reportedMs ?? "?"} ms in-process)`);
    const output = join(work, "site");
    const { sizes, ...build } = await buildCorpus(content, output, buildArgs, root);
    log(
      `  full build: ${build.wallSeconds.toFixed(1)} s, ${build.pages} pages, ${build.peakRssBytes ? Math.round(build.peakRssBytes / 1024 ** 2) : "?"} MB peak`,
    );
    if (!options.keep) rmSync(output, { recursive: true, force: true });
    const withoutSearch = build.search
      ? await buildWithoutSearch(content, join(work, "site-without-search"), buildArgs, root)
      : null;
    if (withoutSearch) log(`  the same build without search: ${withoutSearch.wallSeconds.toFixed(1)} s`);
    rmSync(join(work, "site-without-search"), { recursive: true, force: true });
    const changes = snapshotChanges(before, snapshot(content));
    if (changes.length)
      throw new Error(`The bench changed files in ${content}, which it must not: ${changes.join(", ")}.`);
    const { stdout: _, ...checkResult } = check;
    const result: CorpusResult = {
      name,
      source: "import" in source ? `${source.import.csv} with ${source.import.mapping}` : source.folder,
      import: imported,
      inspections: counts?.inspections ?? null,
      organisations: counts?.organisations ?? null,
      check: checkResult,
      build,
      withoutSearch,
      output: sizes,
      preview: null,
    };
    if (options.preview) Object.assign(result, await previewOnCopy(content, work, root, options.previewEdits));
    if (options.images) result.images = await imagesRuns(content, work, buildArgs, root);
    return result;
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
    else log(`  kept ${work}`);
  }
}

/** Each --corpus, then each --import, in the order given. */
export function corpusSources(options: BenchOptions): CorpusSource[] {
  return [...options.corpora.map((folder) => ({ folder })), ...options.imports.map((source) => ({ import: source }))];
}
