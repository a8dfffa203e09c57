/** Steps the synthetic and the corpus benches share: settling the machine, check, the build's command line. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { measure, type Measurement } from "./measure.ts";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { CheckRun, ImagesRun } from "./report.ts";

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
export function settle(emptyCache: boolean): boolean {
  spawnSync("sync", { stdio: "ignore" });
  if (!emptyCache) return false;
  try {
    writeFileSync("/proc/sys/vm/drop_caches", "3\n");
    return true;
  } catch {
    return false;
  }
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function failed(what: string, measurement: Measurement): never {
  throw new Error(
    `${what} failed (exit code ${measurement.exitCode}):\n${measurement.command}\n${measurement.stderr.slice(-4000)}`,
  );
}

/** The full build of a content folder, as `npm run build` runs it. */
export function fullBuildCommand(content: string, output: string, buildArgs: readonly string[]): string[] {
  return [
    process.execPath,
    "--import",
    "tsx",
    "src/cli/build.ts",
    "--content",
    content,
    "--output",
    output,
    "--quiet",
    ...buildArgs,
  ];
}

/** `check` on a content folder, as an editor runs it. */
export async function checkRun(content: string, root: string): Promise<CheckRun & { stdout: string }> {
  settle(false);
  // As an editor runs it: through npm, which adds its own start-up to the command's.
  const measurement = await measure([...npmCommand(), "run", "--silent", "check", "--", "--content", content], {
    cwd: root,
  });
  if (measurement.exitCode !== 0) failed("check", measurement);
  const reported = /checked in ([\d,]+) ?ms/.exec(measurement.stdout + measurement.stderr)?.[1];
  return {
    wallSeconds: measurement.wallSeconds,
    reportedMs: reported ? Number(reported.replace(/,/g, "")) : null,
    peakRssBytes: measurement.peakRssBytes,
    stdout: measurement.stdout,
  };
}

/** npm as `npm run bench` was started with (its own CLI, run by this Node), else the one on PATH. */
export function npmCommand(): string[] {
  const cli = process.env.npm_execpath;
  return cli && /\.c?js$/.test(cli) ? [process.execPath, cli] : ["npm"];
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

/** A full build with pictures, from an empty image cache and then from the cache it filled. */
export async function imagesRuns(
  content: string,
  work: string,
  buildArgs: readonly string[],
  root: string,
): Promise<ImagesRun[]> {
  const cache = join(work, "image-cache");
  rmSync(cache, { recursive: true, force: true });
  const runs: ImagesRun[] = [];
  for (const kind of ["cold", "warm"] as const) {
    const output = join(work, `site-images-${kind}`);
    rmSync(output, { recursive: true, force: true });
    settle(true);
    const measurement = await measure(
      fullBuildCommand(
        content,
        output,
        buildArgs.filter((arg) => arg !== "--no-images"),
      ),
      { cwd: root, env: { EXPLAINERS_IMAGE_CACHE: cache } },
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
