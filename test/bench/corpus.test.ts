/**
 * `npm run bench -- --corpus <folder>` and `--import <csv> --mapping <yaml>`: the command
 * line, the corpus table and its verdicts, and the pure helpers of the corpus run and the
 * preview's one-file rebuild. No timings are asserted: the bench measures them.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CORPUS_COMPARISON_SIZE, DEFAULT_SIZES, parseBenchArgs } from "../../bench/args.ts";
import { corpusSources, parseCheckCounts, snapshotChanges } from "../../bench/corpus-run.ts";
import { treeRss } from "../../bench/measure.ts";
import {
  corpusMsPerPage,
  corpusTable,
  corpusVerdicts,
  markdownReport,
  outputSizes,
  staticBuildSeconds,
  summarise,
  type BenchResult,
  type CorpusResult,
  type SizeResult,
} from "../../bench/report.ts";

const args = suite("bench: a real corpus on the command line");

args("--corpus takes folders, repeated or comma-separated; the synthetic size is then 5,000 only", () => {
  const options = parseBenchArgs(["--corpus", "../ci,../other", "--corpus=../third", "--corpus", "../ci"]);
  assert.equal(options.corpora, ["../ci", "../other", "../third"]);
  assert.equal(options.sizes, [CORPUS_COMPARISON_SIZE]);
  assert.is(options.preview, true);
  assert.equal(parseBenchArgs(["--corpus", "x", "--sizes", "1000,20000"]).sizes, [1000, 20000]);
  assert.equal(parseBenchArgs(["--corpus", "x", "--sizes", "none"]).sizes, []);
  assert.is(parseBenchArgs(["--corpus", "x", "--no-preview"]).preview, false);
  assert.is(parseBenchArgs(["--corpus", "x", "--preview-edits", "2"]).previewEdits, 2);
  assert.throws(
    () => parseBenchArgs(["--corpus", "x", "--preview-edits", "0"]),
    /--preview-edits must be a whole number/,
  );
  assert.equal(parseBenchArgs([]).sizes, DEFAULT_SIZES, "without a corpus, the sizes are as before");
});

args("--import pairs each spreadsheet with its --mapping, or one mapping with all", () => {
  assert.equal(parseBenchArgs(["--import", "a.csv", "--mapping", "m.yaml"]).imports, [
    { csv: "a.csv", mapping: "m.yaml" },
  ]);
  assert.equal(parseBenchArgs(["--import", "a.csv", "--import", "b.csv", "--mapping", "m.yaml"]).imports, [
    { csv: "a.csv", mapping: "m.yaml" },
    { csv: "b.csv", mapping: "m.yaml" },
  ]);
  assert.equal(
    parseBenchArgs(["--import", "a.csv", "--mapping", "m.yaml", "--import", "b.csv", "--mapping", "n.yaml"]).imports,
    [
      { csv: "a.csv", mapping: "m.yaml" },
      { csv: "b.csv", mapping: "n.yaml" },
    ],
  );
  assert.equal(parseBenchArgs(["--import", "a.csv", "--mapping", "m.yaml"]).sizes, [CORPUS_COMPARISON_SIZE]);
  const both = parseBenchArgs(["--corpus", "x", "--import", "a.csv", "--mapping", "m.yaml"]);
  assert.equal(corpusSources(both), [{ folder: "x" }, { import: { csv: "a.csv", mapping: "m.yaml" } }]);
});

args("a corpus option that cannot work is refused with a sentence", () => {
  assert.throws(() => parseBenchArgs(["--import", "a.csv"]), /--import needs a --mapping/);
  assert.throws(() => parseBenchArgs(["--mapping", "m.yaml"]), /--mapping goes with --import/);
  assert.throws(
    () => parseBenchArgs(["--import", "a", "--import", "b", "--import", "c", "--mapping", "m", "--mapping", "n"]),
    /3 --import and 2 --mapping/,
  );
  assert.throws(() => parseBenchArgs(["--sizes", "none"]), /--sizes none leaves nothing to bench/);
  assert.throws(() => parseBenchArgs(["--corpus"]), /argument missing|requires an argument|--corpus/);
});

args.run();

const helpers = suite("bench: the corpus run's helpers");

helpers("check's own count of inspections and organisations is read back", () => {
  assert.equal(
    parseCheckCounts(
      "9172 notices...\nOK: 38740 inspections of 10001 organisations, 0 events, 5 frameworks and 1 scales checked in 10531 ms.",
    ),
    { inspections: 38740, organisations: 10001 },
  );
  assert.equal(parseCheckCounts("OK: 1 inspection of 1 organisation, 2 events"), { inspections: 1, organisations: 1 });
  assert.is(parseCheckCounts("3 problems"), null);
});

helpers("a change to the content folder is found: changed, added and removed files", () => {
  const before = new Map([
    ["a.md", "10 1"],
    ["b.md", "10 1"],
    ["c.md", "10 1"],
  ]);
  assert.equal(snapshotChanges(before, new Map(before)), []);
  const after = new Map([
    ["a.md", "11 2"],
    ["c.md", "10 1"],
    ["d.md", "1 3"],
  ]);
  assert.equal(snapshotChanges(before, after), ["a.md", "b.md", "d.md"]);
  assert.equal(snapshotChanges(before, after, 1), ["a.md"]);
});

helpers("written files by size: the largest page and file, and those over 200 KB", () => {
  const sizes = outputSizes([
    { path: "index.html", bytes: 5_000 },
    { path: "a-z/index.html", bytes: 250_000 },
    { path: "data/inspections.csv", bytes: 9_000_000 },
    { path: "data/inspections.json", bytes: 100 },
    { path: "organisations/x/index.html", bytes: 204_800 },
  ]);
  assert.equal(sizes.largestPage, { path: "a-z/index.html", bytes: 250_000 });
  assert.equal(sizes.largestFile, { path: "data/inspections.csv", bytes: 9_000_000 });
  assert.is(sizes.pagesOverCount, 1, "200 KB itself is within the budget");
  assert.is(sizes.filesOverCount, 1);
  assert.equal(outputSizes([]), {
    largestPage: null,
    largestFile: null,
    pagesOver: [],
    pagesOverCount: 0,
    filesOver: [],
    filesOverCount: 0,
  });
});

helpers("the tree's memory: the process, its descendants, and a descendant its parent left behind", () => {
  const mb = 1024 ** 2;
  const known = new Set<number>();
  const first = [
    { pid: 1, ppid: 0, rssBytes: 5 * mb },
    { pid: 10, ppid: 1, rssBytes: 2 * mb }, // /usr/bin/time
    { pid: 11, ppid: 10, rssBytes: 900 * mb }, // the build's Node
    { pid: 12, ppid: 11, rssBytes: 600 * mb }, // Pagefind
    { pid: 20, ppid: 1, rssBytes: 300 * mb }, // someone else's
  ];
  assert.is(treeRss(first, 10, known), 1502 * mb);
  // Node has exited; Pagefind, not yet reaped, now belongs to process 1.
  const later = [
    { pid: 1, ppid: 0, rssBytes: 5 * mb },
    { pid: 10, ppid: 1, rssBytes: 2 * mb },
    { pid: 12, ppid: 1, rssBytes: 650 * mb },
    { pid: 20, ppid: 1, rssBytes: 300 * mb },
  ];
  assert.is(treeRss(later, 10, known), 652 * mb);
  assert.is(treeRss(later, 10, new Set()), 2 * mb, "unseen before: not ours");
});

helpers.run();

const report = suite("bench: the corpus report");

const corpus = (extra: Partial<CorpusResult> = {}): CorpusResult => ({
  name: "ci",
  source: "../ci",
  import: { wallSeconds: 40, cpuSeconds: 30, peakRssBytes: 700 * 1024 ** 2, files: 48_749 },
  inspections: 38_740,
  organisations: 10_001,
  check: { wallSeconds: 12, reportedMs: 10_500, peakRssBytes: 600 * 1024 ** 2 },
  build: {
    run: 1,
    wallSeconds: 200,
    cpuSeconds: 190,
    peakRssBytes: 1800 * 1024 ** 2,
    pages: 100_000,
    files: 150_000,
    bytes: 3 * 1024 ** 3,
    loadAverage: 2.5,
    search: true,
    images: false,
    args: ["npm run build --", "--content", "<corpus>", "--no-images"],
    treePeakBytes: 1700 * 1024 ** 2,
    budget: {
      files: 150_000,
      folders: 60_000,
      entries: 210_000,
      bytes: 3 * 1024 ** 3,
      archiveBytes: 3 * 1024 ** 3 + 200_000_000,
      largestFile: { path: "data/judgements.csv.gz", bytes: 9_000_000 },
      fullestFolder: { path: "organisations", entries: 10_002 },
      byKind: {
        pages: { files: 100_000, bytes: 2 * 1024 ** 3 },
        embeds: { files: 40_000, bytes: 1024 ** 3 },
        images: { files: 0, bytes: 0 },
        search: { files: 9_000, bytes: 500_000 },
        "open data": { files: 1_000, bytes: 10_000_000 },
        other: { files: 0, bytes: 0 },
      },
      sharing: { files: 40_000, folders: 80_000, bytes: 1024 ** 3, archive: 1024 ** 3 + 80_000_000 },
      sharingByKind: {
        pages: { files: 0, bytes: 0 },
        embeds: { files: 40_000, bytes: 1024 ** 3 },
        images: { files: 0, bytes: 0 },
        search: { files: 0, bytes: 0 },
        "open data": { files: 0, bytes: 0 },
        other: { files: 0, bytes: 0 },
      },
      compactable: { files: 500, folders: 1, bytes: 5_000_000, archive: 5_300_000 },
      csvParts: { files: 50, folders: 2, bytes: 4_000_000, archive: 4_030_000 },
      organisationFeeds: { files: 10_000, folders: 0, bytes: 40_000_000, archive: 48_000_000 },
    },
  },
  withoutSearch: { wallSeconds: 150, cpuSeconds: 140, peakRssBytes: 1200 * 1024 ** 2, treePeakBytes: 1250 * 1024 ** 2 },
  output: outputSizes([
    { path: "index.html", bytes: 5_000 },
    { path: "organisations/a/index.html", bytes: 120_000 },
    { path: "data/inspections.csv", bytes: 9_000_000 },
  ]),
  preview: {
    seconds: 1.5,
    startSeconds: 300,
    file: "inspections/a/2020-inspection.md",
    images: false,
    search: false,
    edits: [
      { seconds: 1.4, explainer: 0.9, organisation: 1.0, list: 1.1, reload: 1.4 },
      { seconds: 1.6, explainer: 1.0, organisation: 1.1, list: 1.2, reload: 1.6 },
    ],
  },
  ...extra,
});

const synthetic = (msPerPage: number): SizeResult => ({
  inspections: 5000,
  organisations: 1250,
  events: 10,
  corpusBytes: 1,
  generateSeconds: 1,
  full: [
    {
      run: 1,
      wallSeconds: (msPerPage * 10_000) / 1000,
      cpuSeconds: null,
      peakRssBytes: null,
      pages: 10_000,
      files: 10_001,
      bytes: 1,
      loadAverage: 1,
    },
  ],
  baseline: [],
  check: [],
  weight: null,
});

report("time per page is that of the same build without search, as the synthetic corpora are built", () => {
  assert.is(staticBuildSeconds(corpus()), 150);
  assert.is(corpusMsPerPage(corpus()), 1.5);
  assert.is(staticBuildSeconds(corpus({ withoutSearch: null })), null, "not measured");
  assert.is(corpusMsPerPage(corpus({ withoutSearch: null })), null);
  const withoutSearch = corpus();
  withoutSearch.build = { ...withoutSearch.build, search: false };
  assert.is(staticBuildSeconds(withoutSearch), 200, "a build without search is all static");
});

report("each corpus goal: per page against the 5,000 synthetic, 2 GB, 200 KB a page, 2 s preview", () => {
  const met = corpusVerdicts(corpus(), summarise(synthetic(1.3)));
  assert.equal(
    met.map((verdict) => verdict.met),
    [true, true, true, true],
  );
  assert.match(met[0]!.detail, /^1\.50 ms against 1\.30 ms: 1\.15×/);
  assert.match(
    met[1]!.detail,
    /^1800 MB \(the larger of the largest process, 1800 MB, and the whole tree at once, 1700 MB\)$/,
  );
  assert.match(met[2]!.detail, /largest 117\.2 KB \(organisations\/a\/index\.html\)/);
  assert.is(
    met[3]!.detail,
    "1.50 s, the median of 2 edits of inspections/a/2020-inspection.md (1.40 s, 1.60 s), each until its explainer, its organisation's page and a list page served the change and the preview logged the reload; pictures off, search index off; the preview took 300.0 s to start",
  );

  const heavy = corpus({
    preview: { seconds: 2.5, startSeconds: 10, file: "inspections/a/b.md", images: false, edits: [] },
    output: outputSizes([{ path: "a-z/index.html", bytes: 300_000 }]),
  });
  heavy.build = { ...heavy.build, peakRssBytes: 1.5 * 1024 ** 3, treePeakBytes: 2.5 * 1024 ** 3 };
  assert.equal(
    corpusVerdicts(heavy, summarise(synthetic(1.0))).map((verdict) => verdict.met),
    [false, false, false, false],
  );
  const unmeasured = corpusVerdicts(
    corpus({ preview: null, previewProblem: "The preview stopped (exit code 1).\nmore" }),
    undefined,
  );
  assert.equal(
    unmeasured.map((verdict) => verdict.met),
    [null, true, true, null],
  );
  assert.match(unmeasured[0]!.detail, /run with 5,000 among --sizes/);
  assert.is(unmeasured[3]!.detail, "The preview stopped (exit code 1).");
  assert.match(
    corpusTable(corpus({ preview: null, previewProblem: "The preview stopped (exit code 1).\nmore" }), undefined),
    /\| Preview: one-file rebuild \| not measured: The preview stopped \(exit code 1\)\. \|/,
  );
  assert.match(
    markdownReport({
      date: "2026-12-01T05:00:00.000Z",
      machine: { cpuModel: "C", cores: 2, memoryBytes: 1, node: "v20", platform: "linux" },
      seed: 1,
      runs: 1,
      commands: { full: "f", baseline: "b", check: "c" },
      buildArgs: [],
      memorySource: "m",
      sizes: [],
      corpora: [corpus({ preview: null, previewProblem: "The preview stopped (exit code 1).\nmore" })],
    }),
    /at most 2 s: \*\*not measured\*\*, The preview stopped \(exit code 1\)\.\n/,
  );
});

report("the corpus table has a row per measure, and says whether pictures were drawn", () => {
  const table = corpusTable(corpus(), summarise(synthetic(1.3))).split("\n");
  assert.is(table[0], "| ci | Measured |");
  const row = (label: string) => table.find((line) => line.startsWith(`| ${label} |`));
  assert.is(row("Content"), "| Content | 38,740 inspections of 10,001 organisations |");
  assert.match(
    row("Import (`npm run import`, into an empty folder)")!,
    /\| 40\.0 s \(CPU 30\.0 s\), 48,749 files, peak 700 MB \|/,
  );
  assert.match(row("Full build, with search")!, /200\.0 s \(CPU 190\.0 s\); pictures not drawn \(`--no-images`\)/);
  assert.match(
    row("The same build without search (as the synthetic corpora are built)")!,
    /150\.0 s \(CPU 140\.0 s, peak 1200 MB \/ 1250 MB\); the search index's share by difference 50\.0 s/,
  );
  assert.match(row("Peak memory of the build (largest process / whole tree, sampled)")!, /1800 MB \/ 1700 MB/);
  assert.match(row("Pages (HTML) / files written")!, /100,000 \/ 150,000/);
  assert.match(row("Largest other file")!, /8789\.1 KB \(data\/inspections\.csv\)/);
  assert.match(row("Files over 200 KB (pages / other)")!, /\| 0 \/ 1 \|/);
  assert.match(
    row("Budget (as `npm run build` reports it)")!,
    /\| Budget: 150,000 files, 60,000 folders \(210,000 entries\), 3\.22 GB \(3\.42 GB as one tar archive\); largest file data\/judgements\.csv\.gz \(9\.0 MB\); fullest folder organisations\/ \(10,002 entries\)\. by kind: pages 100,000 files, 2\.15 GB; embeds 40,000 files, 1\.07 GB; search 9,000 files, 500\.0 KB; open data 1,000 files, 10\.0 MB\. \|/,
  );
  assert.match(row("ms per page, without search")!, /1\.50 \(150\.0 s for 100,000 pages\); synthetic 5,000: 1\.30/);
  assert.match(row("Preview: one-file rebuild")!, /\| 1\.50 s, the median of 2 edits/);
  const imported = corpusTable(corpus({ import: null }), undefined);
  assert.match(imported, /not timed \(an existing folder\)/);
});

report("a report of a corpus alone has no synthetic table; with both, it has both", () => {
  const base: BenchResult = {
    date: "2026-12-01T05:00:00.000Z",
    machine: { cpuModel: "Test CPU", cores: 2, memoryBytes: 24 * 1024 ** 3, node: "v20.20.2", platform: "linux 6" },
    seed: 1,
    runs: 1,
    commands: { full: "f", baseline: "b", check: "c", corpus: "npm run build" },
    buildArgs: [],
    memorySource: "/usr/bin/time -v",
    sizes: [],
    corpora: [corpus()],
  };
  const alone = markdownReport(base);
  assert.not.match(alone, /\| Inspections \| Pages/);
  assert.not.match(alone, /Baseline:/);
  assert.match(alone, /Corpus ci \(\.\.\/ci\); build: `npm run build -- --content <corpus> --no-images`, load 2\.5/);
  assert.match(alone, /- ci: the preview shows a one-file change in at most 2 s: \*\*met\*\*/);
  assert.match(
    alone,
    /- ci: time per page within 1\.25× of the 5,000-inspection synthetic bench: \*\*not measured\*\*/,
  );
  assert.match(alone, /- Other files over 200 KB: 1, largest 8789\.1 KB \(data\/inspections\.csv\)\./);
  assert.match(alone, /load average during the builds 2\.5 to 2\.5/);
  const both = markdownReport({ ...base, sizes: [synthetic(1.3)] });
  assert.match(both, /\| Inspections \| Pages/);
  assert.match(both, /Baseline: `b`/);
  assert.match(
    both,
    /time per page within 1\.25× of the 5,000-inspection synthetic bench: \*\*met\*\*, 1\.50 ms against 1\.30 ms/,
  );
});

report.run();
