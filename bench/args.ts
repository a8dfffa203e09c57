/** `npm run bench -- [--sizes 1000,5000,20000] [--runs 1] [--seed N] [--out bench-results] [--keep] [--build-args "..."]` */
import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Numbers of inspections to generate and build, smallest first. */
  sizes: number[];
  /** Builds of each kind per size; full and baseline builds alternate. */
  runs: number;
  seed: number;
  /** Folder for the JSON result and the Markdown table. */
  out: string;
  /** Keep the temporary folders (corpus and built sites) for inspection. */
  keep: boolean;
  /** Extra arguments for `src/cli/build.ts`; when absent, the bench finds the flag that skips the search index. */
  buildArgs?: string[];
  /** Skip the bare Eleventy baseline (quicker, but no ratio). */
  baseline: boolean;
  /** Also time the pictures: a build with an empty image cache, then one with the cache it left. */
  images: boolean;
}

export const USAGE = `Usage: npm run bench -- [--sizes 1000,5000,20000] [--runs N] [--seed N] [--out folder] [--keep] [--no-baseline] [--images] [--build-args="--flag ..."]

  --sizes       numbers of inspections to build, comma-separated (default 1000,5000,20000)
  --runs        builds of each kind per size, alternating full and baseline (default 1)
  --seed        seed for the synthetic corpus (default 20240209)
  --out         where the JSON result and the Markdown table go (default bench-results)
  --keep        keep the temporary corpus and built sites
  --no-baseline skip the bare Eleventy build (no ratio)
  --images      also time the share images and chart PNGs: one build drawing them all (empty
                image cache), then one taking them from the cache; other builds skip them
  --build-args  extra arguments for the full build, written --build-args="--flag value"`;

export const DEFAULT_SIZES = [1000, 5000, 20000];

function positiveInteger(text: string, what: string): number {
  // 20_000 reads as 20000; a comma always separates sizes.
  const cleaned = text.trim().replace(/_/g, "");
  const value = /^\d+$/.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${what} must be a whole number of at least 1 (found '${text}').`);
  return value;
}

/** Reads the command line; throws an Error with a sentence for the user when it is wrong. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        sizes: { type: "string" },
        runs: { type: "string", default: "1" },
        seed: { type: "string", default: "20240209" },
        out: { type: "string", default: "bench-results" },
        keep: { type: "boolean", default: false },
        "no-baseline": { type: "boolean", default: false },
        images: { type: "boolean", default: false },
        "build-args": { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new Error((error as Error).message);
  }
  const { values } = parsed;
  const sizes =
    values.sizes === undefined
      ? DEFAULT_SIZES
      : // "1000,5000" or "1000 5000".
        values.sizes
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((size) => positiveInteger(size, "Each size"));
  if (sizes.length === 0) throw new Error("--sizes needs at least one number, like --sizes 1000,5000.");
  const options: BenchOptions = {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs: positiveInteger(values.runs, "--runs"),
    seed: positiveInteger(values.seed, "--seed"),
    out: values.out,
    keep: values.keep,
    baseline: !values["no-baseline"],
    images: values.images,
  };
  if (values["build-args"] !== undefined) options.buildArgs = values["build-args"].split(/\s+/).filter(Boolean);
  return options;
}
