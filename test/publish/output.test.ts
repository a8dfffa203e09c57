/**
 * Output a publisher can trust: the same content builds the same bytes, wherever it is
 * built, search index included; and a build that fails after the content checks (here,
 * the search index) leaves the previous site exactly as it was.
 * (A build that fails the content checks is tested in test/build/build.test.ts.)
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { filesUnder } from "../browser/support.ts";
import { runBuild } from "../fixtures/build-site.ts";

const output = suite("publishing: output you can trust");
let work = "";

output.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-output-"));
});
output.after(() => rmSync(work, { recursive: true, force: true }));

/** Every file under a folder (relative path, with forward slashes) and its bytes. */
function filesOf(folder: string): Map<string, Buffer> {
  return new Map(filesUnder(folder).map((path) => [path, readFileSync(join(folder, path))]));
}

function hashes(folder: string): Map<string, string> {
  return new Map([...filesOf(folder)].map(([path, bytes]) => [path, createHash("sha256").update(bytes).digest("hex")]));
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

output("two builds of the same content in different folders are byte-identical, search index included", () => {
  const first = join(work, "one", "site");
  const second = join(work, "a-folder-with-a-longer-name", "elsewhere");
  for (const folder of [first, second]) {
    const result = runBuild(["--output", folder]);
    assert.is(result.status, 0, result.stderr);
  }
  const [a, b] = [hashes(first), hashes(second)];
  assert.equal([...a.keys()], [...b.keys()]);
  const differing = [...a].filter(([path, hash]) => b.get(path) !== hash).map(([path]) => path);
  assert.equal(differing, [], `These files differ between two builds: ${differing.join(", ")}`);
  assert.ok(a.has("pagefind/pagefind-entry.json"), "the build should write the search index");

  // Where a build ran must not show in what it wrote.
  const leaks = [...filesOf(second)]
    .filter(([, bytes]) => bytes.includes(work) || bytes.includes(".site-build-"))
    .map(([path]) => path);
  assert.equal(leaks, [], `The build folder's path shows in ${leaks.join(", ")}`);

  // For the closing note: what search adds to the published site.
  const files = filesOf(first);
  const size = (test: (path: string) => boolean) =>
    [...files].filter(([path]) => test(path)).reduce((total, [, bytes]) => total + bytes.length, 0);
  const bundle = size((path) => path.startsWith("pagefind/"));
  const index = size((path) => /^pagefind\/(index|fragment|filter)\/|^pagefind\/pagefind\..*\.pf_meta$/.test(path));
  const pages = [...files.keys()].filter((path) => path.endsWith(".html")).length;
  console.log(
    `\n  Search index of the sample (${pages} HTML files): ${kb(index)} of index, fragments and filters; ${kb(bundle)} in pagefind/ with Pagefind's scripts and WebAssembly.\n`,
  );
});

output("a build whose search index fails exits 1 and leaves the previous site exactly as it was", () => {
  const site = join(work, "kept", "site");
  const first = runBuild(["--output", site, "--no-search"]);
  assert.is(first.status, 0, first.stderr);
  const before = hashes(site);
  assert.not.ok(
    [...before.keys()].some((path) => path.startsWith("pagefind/")),
    "--no-search should build no search index",
  );

  // Pagefind's npm package runs the binary this variable names (node_modules/pagefind/lib/resolveBinary.js).
  process.env.PAGEFIND_BINARY_PATH = join(work, "no-pagefind-here");
  let result: ReturnType<typeof runBuild>;
  try {
    result = runBuild(["--output", site]);
  } finally {
    delete process.env.PAGEFIND_BINARY_PATH;
  }
  assert.is(result.status, 1, result.stdout);
  assert.match(
    result.stderr,
    /The search index could not be built: .+\nRun `npm ci` to reinstall Pagefind, or build without search: `npm run build -- --no-search`\./,
  );
  assert.match(result.stderr, /The build failed; site\/ is as it was\./);
  assert.equal(hashes(site), before);
  assert.equal(readdirSync(dirname(site)), ["site"], "no staging folder should be left behind");
});

output("a wrong --path-prefix is refused before anything is built", () => {
  const site = join(work, "kept", "site");
  const before = hashes(site);
  const result = runBuild(["--output", site, "--path-prefix", "/My Explainers/"]);
  assert.is(result.status, 2);
  assert.match(
    result.stderr,
    /EXPLAINERS_PATH_PREFIX overrides 'pathPrefix' in site\.yaml and must be a lower-case path like \/ or \/explainers\/; it is "\/My Explainers\/"\./,
  );
  assert.equal(hashes(site), before);
});

output("the build reports its budget, as JSON with --json, and checks it against the host named", () => {
  const site = join(work, "budget", "site");
  const result = runBuild(["--output", site, "--no-search", "--no-images", "--json", "--host", "cloudflare-pages"]);
  assert.is(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout) as {
    built: boolean;
    budget: { files: number; entries: number };
    host: { id: string };
    over: unknown[];
    fit: { chosen: object; planned: { fits: boolean; predicted: { files: number } }[]; rebuilt: unknown[] };
  };
  assert.is(report.built, true);
  assert.is(report.host.id, "cloudflare-pages");
  assert.equal(report.over, []);
  // Planned before drawing: the site as its settings say fits, so it was built once, as predicted.
  assert.equal(report.fit.chosen, {});
  assert.equal(report.fit.rebuilt, []);
  assert.is(report.fit.planned[0]!.fits, true);
  assert.is(report.fit.planned[0]!.predicted.files, report.budget.files);
  assert.is(report.budget.files, filesUnder(site).length, "the budget counts every file written");

  const wrong = runBuild(["--output", site, "--no-search", "--host", "geocities"]);
  assert.is(wrong.status, 2);
  assert.match(
    wrong.stderr,
    /--host must be one of github-pages, cloudflare-pages, cloudflare-pages-paid, netlify, gitlab-pages, s3; it is 'geocities'\./,
  );
});

output.run();
