/**
 * `npm run bench`: how the full build compares with bare Eleventy, and how it grows.
 *
 * For each size N (default 1,000, 5,000 and 20,000 inspections) it writes a synthetic
 * corpus to a temporary folder (bench/corpus.ts), then alternates the full build
 * (`src/cli/build.ts --content <corpus> --output <folder>`, as `npm run build` runs it)
 * and the baseline (bare Eleventy over the same Markdown files, bench/baseline.ts), each
 * in its own process with a fresh output folder, and times `check` on the same corpus.
 * Results go to bench-results/bench-<date>.json and .md (and latest.json, latest.md).
 *
 * See docs/performance.md for what the numbers mean and the latest table.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { asksForHelp, parseBenchArgs, USAGE, type BenchOptions } from "./args.ts";
import { writeBaseline } from "./baseline.ts";
import { generateCorpus } from "./corpus.ts";
import { explainerWeight, measure, outputStats } from "./measure.ts";
import { benchCorpus, corpusSources } from "./corpus-run.ts";
import { checkRun, failed, fullBuildCommand, imagesRuns, log, settle } from "./steps.ts";

export { parseImagesSummary } from "./steps.ts";
import { markdownReport, type BenchResult, type BuildRun, type SizeResult } from "./report.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const eleventyCli = join(projectRoot, "node_modules/@11ty/eleventy/cmd.cjs");

/**
 * The flag that makes `npm run build` skip the search index, if the build has one: the
 * bench measures the static build that bare Eleventy is compared with.
 */
export function searchSkipFlag(buildSource: string): string | undefined {
  return /--(?:no|skip)-(?:search|pagefind|search-index)\b/.exec(buildSource)?.[0];
}

/**
 * The flag that makes `npm run build` skip the pictures, if the build draws them: like the
 * search index, a step with its own cost, and one whose time depends on the image cache.
 * `--images` times it on its own (imagesRuns).
 */
export function imagesSkipFlag(buildSource: string): string | undefined {
  return /--no-images\b/.exec(buildSource)?.[0];
}

/** Whether settle() could empty the page cache; told in the report. */
let cachesDropped = false;

async function buildRun(
  kind: "full" | "baseline",
  run: number,
  work: string,
  buildArgs: string[],
): Promise<{ result: BuildRun; output: string }> {
  const output = join(work, `site-${kind}-${run}`);
  rmSync(output, { recursive: true, force: true });
  cachesDropped = settle(true) || cachesDropped;
  const loadAverage = loadavg()[0]!;
  const measurement =
    kind === "full"
      ? await measure(fullBuildCommand(join(work, "content"), output, buildArgs), { cwd: projectRoot })
      : await measure(
          [
            process.execPath,
            eleventyCli,
            `--config=${join(work, "baseline/eleventy.config.mjs")}`,
            `--output=${output}`,
            "--quiet",
          ],
          { cwd: work },
        );
  if (measurement.exitCode !== 0) failed(kind === "full" ? "The full build" : "The bare Eleventy build", measurement);
  const stats = outputStats(output);
  return {
    output,
    result: {
      run,
      wallSeconds: measurement.wallSeconds,
      cpuSeconds: measurement.cpuSeconds,
      peakRssBytes: measurement.peakRssBytes,
      pages: stats.pages,
      files: stats.files,
      bytes: stats.bytes,
      loadAverage,
    },
  };
}

const describe = (run: BuildRun): string =>
  `${run.wallSeconds.toFixed(2)} s (CPU ${run.cpuSeconds?.toFixed(1) ?? "?"} s), ${run.pages} pages, ${run.peakRssBytes ? `${Math.round(run.peakRssBytes / 1024 ** 2)} MB peak` : "peak unknown"}, load ${run.loadAverage.toFixed(2)}`;

async function benchSize(inspections: number, options: BenchOptions, buildArgs: string[]): Promise<SizeResult> {
  const work = mkdtempSync(join(tmpdir(), `explainers-bench-${inspections}-`));
  try {
    log(`\n${inspections} inspections: writing the corpus in ${work}`);
    const started = performance.now();
    const corpus = generateCorpus(join(work, "content"), inspections, { seed: options.seed, projectRoot });
    const generateSeconds = (performance.now() - started) / 1000;
    writeBaseline(work);
    log(
      `  ${corpus.inspections} inspections, ${corpus.organisations} organisations, ${corpus.events} events, ${(corpus.bytes / 1024 ** 2).toFixed(1)} MB of Markdown in ${generateSeconds.toFixed(1)} s`,
    );

    const result: SizeResult = {
      inspections: corpus.inspections,
      organisations: corpus.organisations,
      events: corpus.events,
      corpusBytes: corpus.bytes,
      generateSeconds,
      full: [],
      baseline: [],
      check: [],
      weight: null,
    };
    for (let run = 1; run <= options.runs; run++) {
      const { stdout: _, ...check } = await checkRun(join(work, "content"), projectRoot);
      log(`  check         run ${run}: ${check.wallSeconds.toFixed(2)} s (${check.reportedMs ?? "?"} ms in-process)`);
      result.check.push(check);
      // Alternate which goes first, so neither always meets a warm (or cold) disk cache.
      const order: ("full" | "baseline")[] = run % 2 === 1 ? ["baseline", "full"] : ["full", "baseline"];
      for (const kind of order) {
        if (kind === "baseline" && !options.baseline) continue;
        const { result: measured, output } = await buildRun(kind, run, work, buildArgs);
        log(`  ${kind === "full" ? "full build   " : "bare Eleventy"} run ${run}: ${describe(measured)}`);
        result[kind].push(measured);
        if (kind === "full" && result.weight === null) result.weight = explainerWeight(output);
        if (!options.keep) rmSync(output, { recursive: true, force: true });
      }
    }
    if (options.images) result.images = await imagesRuns(join(work, "content"), work, buildArgs, projectRoot);
    return result;
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
    else log(`  kept ${work}`);
  }
}

async function main(): Promise<void> {
  if (asksForHelp(process.argv.slice(2))) {
    console.log(USAGE);
    return;
  }
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  const buildSource = readFileSync(join(projectRoot, "src/cli/build.ts"), "utf8");
  const skip = searchSkipFlag(buildSource);
  const noImages = imagesSkipFlag(buildSource);
  const buildArgs = options.buildArgs ?? [...(skip ? [skip] : []), ...(noImages ? [noImages] : [])];
  if (skip && !options.buildArgs && options.sizes.length)
    log(
      `The build can make a search index; the bench skips it with ${skip} on the synthetic corpora${options.corpora.length || options.imports.length ? " (a real corpus is built with it, as a user builds)" : ""}.`,
    );
  if (noImages && !options.buildArgs)
    log(
      `The build draws pictures; the bench skips them with ${noImages}${options.images ? " but for the --images builds" : ""}.`,
    );

  const cpu = cpus();
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: {
      cpuModel: cpu[0]?.model.trim() ?? "unknown",
      cores: cpu.length,
      memoryBytes: totalmem(),
      node: process.version,
      platform: `${platform()} ${release()}`,
    },
    seed: options.seed,
    runs: options.runs,
    commands: {
      full: ["node --import tsx src/cli/build.ts --content <corpus> --output <folder> --quiet", ...buildArgs].join(" "),
      baseline:
        "node node_modules/@11ty/eleventy/cmd.cjs --config=<temp>/baseline/eleventy.config.mjs --output=<folder> --quiet",
      check: "npm run --silent check -- --content <corpus>",
    },
    buildArgs,
    memorySource: existsSync("/usr/bin/time")
      ? "/usr/bin/time -v (largest process)"
      : "process.resourceUsage().maxRSS of each Node process",
    sizes: [],
  };

  // The corpora first: a folder that does not check or build stops the bench before the synthetic sizes.
  const corpusArgs = options.buildArgs ?? (noImages ? [noImages] : []);
  const corpora = corpusSources(options);
  if (corpora.length) {
    result.commands.corpus = ["npm run build -- --content <corpus> --output <temp folder> --quiet", ...corpusArgs].join(
      " ",
    );
    result.corpora = [];
    for (const source of corpora) {
      result.corpora.push(await benchCorpus(source, options, corpusArgs, projectRoot));
      save(result, options.out);
    }
  }
  for (const size of options.sizes) {
    result.sizes.push(await benchSize(size, options, buildArgs));
    save(result, options.out);
  }

  const written = save(result, options.out);
  console.log(`\n${markdownReport(result)}`);
  log(`Wrote ${written} and .md (and latest.json, latest.md).`);
}

/**
 * Writes the result so far (JSON and Markdown, under the run's own name and as latest):
 * after each corpus and size, so that a run stopped part way keeps what it measured.
 */
function save(result: BenchResult, folder: string): string {
  const out = resolve(projectRoot, folder);
  mkdirSync(out, { recursive: true });
  const stamp = result.date.replace(/[:.]/g, "-").slice(0, 19);
  result.pageCacheEmptied = cachesDropped;
  const report = markdownReport(result);
  for (const name of [`bench-${stamp}`, "latest"]) {
    writeFileSync(join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(out, `${name}.md`), report);
  }
  return join(folder, `bench-${stamp}.json`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("bench/run.ts")) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
