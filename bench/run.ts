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
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseBenchArgs, USAGE, type BenchOptions } from "./args.ts";
import { writeBaseline } from "./baseline.ts";
import { generateCorpus } from "./corpus.ts";
import { explainerWeight, measure, outputStats, type Measurement } from "./measure.ts";
import {
  markdownReport,
  type BenchResult,
  type BuildRun,
  type CheckRun,
  type ImagesRun,
  type SizeResult,
} from "./report.ts";

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

/** "Drew 12 images and took 30 from the image cache (...) in 1.90 s", or "Drew no images: all 42 were ..., 0.05 s". */
export function parseImagesSummary(output: string): { drawn: number; cached: number; seconds: number } | null {
  const drew = /Drew ([\d,]+) images? and took ([\d,]+) from the image cache \(.*?\) in ([\d.]+) s/.exec(output);
  if (drew)
    return {
      drawn: Number(drew[1]!.replace(/,/g, "")),
      cached: Number(drew[2]!.replace(/,/g, "")),
      seconds: Number(drew[3]),
    };
  const none = /Drew no images: all ([\d,]+) were in the image cache \(.*?\), ([\d.]+) s/.exec(output);
  return none ? { drawn: 0, cached: Number(none[1]!.replace(/,/g, "")), seconds: Number(none[2]) } : null;
}

/** The full build of the corpus in `work`, as `npm run build` runs it. */
function fullBuildCommand(work: string, output: string, buildArgs: readonly string[]): string[] {
  return [
    process.execPath,
    "--import",
    "tsx",
    "src/cli/build.ts",
    "--content",
    join(work, "content"),
    "--output",
    output,
    "--quiet",
    ...buildArgs,
  ];
}

/** A full build with pictures, from an empty image cache and then from the cache it filled. */
async function imagesRuns(work: string, buildArgs: string[]): Promise<ImagesRun[]> {
  const cache = join(work, "image-cache");
  rmSync(cache, { recursive: true, force: true });
  const runs: ImagesRun[] = [];
  for (const kind of ["cold", "warm"] as const) {
    const output = join(work, `site-images-${kind}`);
    rmSync(output, { recursive: true, force: true });
    settle(true);
    const measurement = await measure(
      fullBuildCommand(
        work,
        output,
        buildArgs.filter((arg) => arg !== "--no-images"),
      ),
      { cwd: projectRoot, env: { EXPLAINERS_IMAGE_CACHE: cache } },
    );
    if (measurement.exitCode !== 0) failed("The full build with pictures", measurement);
    const summary = parseImagesSummary(measurement.stdout);
    if (!summary)
      throw new Error(`The build with pictures did not say how many it drew:\n${measurement.stdout.slice(-2000)}`);
    runs.push({
      cache: kind,
      wallSeconds: measurement.wallSeconds,
      cpuSeconds: measurement.cpuSeconds,
      peakRssBytes: measurement.peakRssBytes,
      drawn: summary.drawn,
      cached: summary.cached,
      imageSeconds: summary.seconds,
    });
    log(
      `  with pictures (${kind} cache): ${measurement.wallSeconds.toFixed(1)} s, ${summary.drawn} drawn, ${summary.cached} from the cache in ${summary.seconds.toFixed(1)} s`,
    );
    rmSync(output, { recursive: true, force: true });
  }
  return runs;
}

/**
 * Writes what earlier steps left in memory to disk (`sync`), so that a build or check does
 * not start while the previous one's files are still being flushed: on a small machine
 * that made reading content files several times slower. Then, where the bench may (root on
 * Linux), empties the page cache, so that every build starts from the same state: on the
 * project's virtual machine the system time of the same build grew from 2 s to 9 s over
 * consecutive builds, and fell back once the cache was emptied (docs/performance.md).
 * Content files are then read from disk by every build alike. Not before `check`: an editor
 * runs it on files just written, in the cache.
 */
function settle(emptyCache: boolean): boolean {
  spawnSync("sync", { stdio: "ignore" });
  if (!emptyCache) return false;
  try {
    writeFileSync("/proc/sys/vm/drop_caches", "3\n");
    return true;
  } catch {
    return false;
  }
}

/** Whether settle() could empty the page cache; told in the report. */
let cachesDropped = false;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function failed(what: string, measurement: Measurement): never {
  throw new Error(
    `${what} failed (exit code ${measurement.exitCode}):\n${measurement.command}\n${measurement.stderr.slice(-4000)}`,
  );
}

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
      ? await measure(fullBuildCommand(work, output, buildArgs), { cwd: projectRoot })
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

async function checkRun(work: string): Promise<CheckRun> {
  settle(false);
  // As an editor runs it: through npm, which adds its own start-up to the command's.
  const measurement = await measure(
    [...npmCommand(), "run", "--silent", "check", "--", "--content", join(work, "content")],
    { cwd: projectRoot },
  );
  if (measurement.exitCode !== 0) failed("check", measurement);
  const reported = /checked in ([\d,]+) ?ms/.exec(measurement.stdout + measurement.stderr)?.[1];
  return {
    wallSeconds: measurement.wallSeconds,
    reportedMs: reported ? Number(reported.replace(/,/g, "")) : null,
    peakRssBytes: measurement.peakRssBytes,
  };
}

/** npm as `npm run bench` was started with (its own CLI, run by this Node), else the one on PATH. */
function npmCommand(): string[] {
  const cli = process.env.npm_execpath;
  return cli && /\.c?js$/.test(cli) ? [process.execPath, cli] : ["npm"];
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
      const check = await checkRun(work);
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
    if (options.images) result.images = await imagesRuns(work, buildArgs);
    return result;
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
    else log(`  kept ${work}`);
  }
}

async function main(): Promise<void> {
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
  if (skip && !options.buildArgs) log(`The build can make a search index; the bench skips it with ${skip}.`);
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

  for (const size of options.sizes) result.sizes.push(await benchSize(size, options, buildArgs));

  const out = resolve(projectRoot, options.out);
  mkdirSync(out, { recursive: true });
  const stamp = result.date.replace(/[:.]/g, "-").slice(0, 19);
  result.pageCacheEmptied = cachesDropped;
  const report = markdownReport(result);
  for (const name of [`bench-${stamp}`, "latest"]) {
    writeFileSync(join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(out, `${name}.md`), report);
  }
  console.log(`\n${report}`);
  log(`Wrote ${join(options.out, `bench-${stamp}.json`)} and .md (and latest.json, latest.md).`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("bench/run.ts")) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
