/** `npm run bench -- [--help] [--sizes 1000,5000,20000] [--runs 1] [--seed N] [--out bench-results] [--keep] [--build-args "..."] [--corpus <folder>] [--import <csv> --mapping <yaml>]` */
import { parseArgs } from "node:util";
import { misuseMessage } from "../src/cli/args.ts";

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
  /** Real content folders, benched as they are (never written to), beside the synthetic sizes. */
  corpora: string[];
  /** Spreadsheets imported into a fresh temporary content folder (timed), then benched like a corpus. */
  imports: CorpusImport[];
  /** Measure the preview's one-file rebuild on each corpus (on a copy of it). */
  preview: boolean;
  /** Saves timed in the preview (a change, then putting it back, ...); the median is reported. */
  previewEdits: number;
}

export interface CorpusImport {
  csv: string;
  mapping: string;
}

export const USAGE = `Usage: npm run bench -- [--sizes 1000,5000,20000] [--runs N] [--seed N] [--out folder] [--keep] [--no-baseline] [--images] [--build-args="--flag ..."]
                      [--corpus <content folder>]... [--import <file.csv> --mapping <mapping.yaml>]... [--no-preview] [--preview-edits N]

  --sizes       numbers of inspections to build, comma-separated (default 1000,5000,20000)
  --runs        builds of each kind per size, alternating full and baseline (default 1)
  --seed        seed for the synthetic corpus (default 20240209)
  --out         where the JSON result and the Markdown table go (default bench-results)
  --keep        keep the temporary corpus and built sites
  --no-baseline skip the bare Eleventy build (no ratio)
  --images      also time the share images and chart PNGs: one build drawing them all (empty
                image cache), then one taking them from the cache; other builds skip them
  --build-args  extra arguments for the full build, written --build-args="--flag value"
  --corpus      a real content folder (already imported) to bench beside the synthetic sizes:
                check, the build as a user runs it (with search), pages, bytes, largest page,
                and the preview's one-file rebuild (on a copy); repeat it, or separate folders
                with commas. The folder is never written to. With a corpus and no --sizes,
                the synthetic size is 5000 only (what the corpus is compared with);
                --sizes none skips the synthetic corpora
  --import      a spreadsheet to import, timed, into a fresh temporary content folder with
                the --mapping after it, then benched like a --corpus; repeat the pair for more
  --mapping     the mapping for the --import before it (one --mapping serves every --import)
  --no-preview  skip the preview's one-file rebuild
  --preview-edits  saves timed in the preview, the median reported (default 4)
  --help, -h    this help

Exit codes: 0 measured; 1 a build or a step failed (it says which); 2 misused (an unknown
option, a missing or wrong value), and nothing was run.`;

/** Whether the bench is asked for its usage: `--help` or `-h` before any `--`. */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

const OPTIONS = {
  sizes: { type: "string" },
  runs: { type: "string", default: "1" },
  seed: { type: "string", default: "20240209" },
  out: { type: "string", default: "bench-results" },
  keep: { type: "boolean", default: false },
  "no-baseline": { type: "boolean", default: false },
  images: { type: "boolean", default: false },
  "build-args": { type: "string" },
  corpus: { type: "string", multiple: true, default: [] as string[] },
  import: { type: "string", multiple: true, default: [] as string[] },
  mapping: { type: "string", multiple: true, default: [] as string[] },
  "no-preview": { type: "boolean", default: false },
  "preview-edits": { type: "string", default: "4" },
} as const;

export const DEFAULT_SIZES = [1000, 5000, 20000];
/** The synthetic size a corpus is compared with, and the only one built with a corpus unless --sizes says otherwise. */
export const CORPUS_COMPARISON_SIZE = 5000;

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
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    // In the words the commands use: `Unknown option --sizs. Did you mean --sizes?`
    throw new Error(misuseMessage(error as Error & { code?: string }, Object.keys(OPTIONS)));
  }
  const { values } = parsed;
  const corpora = values.corpus
    .flatMap((list) => list.split(","))
    .map((folder) => folder.trim())
    .filter(Boolean);
  const imports = pairImports(values.import, values.mapping);
  const withCorpus = corpora.length > 0 || imports.length > 0;
  const sizes = readSizes(values.sizes, withCorpus);
  const options: BenchOptions = {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs: positiveInteger(values.runs, "--runs"),
    seed: positiveInteger(values.seed, "--seed"),
    out: values.out,
    keep: values.keep,
    baseline: !values["no-baseline"],
    images: values.images,
    corpora: [...new Set(corpora)],
    imports,
    preview: !values["no-preview"],
    previewEdits: positiveInteger(values["preview-edits"], "--preview-edits"),
  };
  if (values["build-args"] !== undefined) options.buildArgs = values["build-args"].split(/\s+/).filter(Boolean);
  return options;
}

function readSizes(text: string | undefined, withCorpus: boolean): number[] {
  if (text === undefined) return withCorpus ? [CORPUS_COMPARISON_SIZE] : DEFAULT_SIZES;
  if (text.trim() === "none") {
    if (!withCorpus) throw new Error("--sizes none leaves nothing to bench: add a --corpus or an --import.");
    return [];
  }
  // "1000,5000" or "1000 5000".
  const sizes = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((size) => positiveInteger(size, "Each size"));
  if (sizes.length === 0) throw new Error("--sizes needs at least one number, like --sizes 1000,5000.");
  return sizes;
}

/** Each --import with its --mapping: as many mappings as imports, in order, or one for all. */
function pairImports(csvs: readonly string[], mappings: readonly string[]): CorpusImport[] {
  if (csvs.length === 0) {
    if (mappings.length > 0)
      throw new Error("--mapping goes with --import <file.csv>: name the spreadsheet to import.");
    return [];
  }
  if (mappings.length === 0)
    throw new Error(
      "--import needs a --mapping, as npm run import does, like --mapping mappings/care-inspectorate-scotland.yaml.",
    );
  if (mappings.length !== 1 && mappings.length !== csvs.length)
    throw new Error(
      `${csvs.length} --import and ${mappings.length} --mapping: give one --mapping for all, or one after each --import.`,
    );
  return csvs.map((csv, index) => ({ csv, mapping: mappings[mappings.length === 1 ? 0 : index]! }));
}
