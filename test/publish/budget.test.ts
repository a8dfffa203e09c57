/**
 * The build's budget (src/publishing/budget.ts): what a built folder costs a host, counted
 * as the hosts count it, and each host's limits set beside it (src/publishing/hosts.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type Budget, budgetSummary, kindOf, measureOutput, overLimits } from "../../src/publishing/budget.ts";
import { HOSTS } from "../../src/publishing/hosts.ts";
import { HOST_IDS } from "../../src/model/site-settings.ts";

const test = suite("publishing: the budget of a build");
let work = "";
test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-budget-"));
});
test.after(() => rmSync(work, { recursive: true, force: true }));

function write(root: string, path: string, bytes: number): void {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), "x".repeat(bytes));
}

test("files, folders, entries, bytes, the largest file and the fullest folder, by kind", () => {
  const site = join(work, "site");
  write(site, "index.html", 100);
  write(site, "organisations/a/index.html", 200);
  write(site, "organisations/b/index.html", 300);
  write(site, "organisations/c/index.html", 50);
  write(site, "embed/a/x/index.html", 40);
  write(site, "share/a-x.png", 1000);
  write(site, "pagefind/index/en_1.pf_index", 70);
  write(site, "data/judgements.csv", 5000);
  write(site, "assets/site.css", 10);
  // A link is an entry, never followed: its target's bytes are not the site's.
  write(work, "outside/big.bin", 9999);
  symlinkSync(join(work, "outside"), join(site, "linked"));

  const budget = measureOutput(site);
  assert.is(budget.files, 9);
  // organisations, a, b, c, embed, embed/a, embed/a/x, share, pagefind, pagefind/index, data, assets
  assert.is(budget.folders, 12);
  assert.is(budget.entries, 9 + 12 + 1);
  assert.is(budget.bytes, 100 + 200 + 300 + 50 + 40 + 1000 + 70 + 5000 + 10);
  assert.equal(budget.largestFile, { path: "data/judgements.csv", bytes: 5000 });
  assert.equal(budget.fullestFolder, { path: ".", entries: 8 });
  assert.equal(budget.byKind.pages, { files: 4, bytes: 650 });
  assert.equal(budget.byKind.embeds, { files: 1, bytes: 40 });
  assert.equal(budget.byKind.images, { files: 1, bytes: 1000 });
  assert.equal(budget.byKind.search, { files: 1, bytes: 70 });
  assert.equal(budget.byKind["open data"], { files: 1, bytes: 5000 });
  assert.equal(budget.byKind.other, { files: 1, bytes: 10 });
  const summary = budgetSummary(budget);
  assert.match(
    summary,
    /^Budget: 9 files, 12 folders \(22 entries\), 6\.8 KB \(\d+\.\d KB as one tar archive\); largest file data\/judgements\.csv \(5\.0 KB\); fullest folder \.\/ \(8 entries\)\./,
  );
  assert.match(summary, /by kind: pages 4 files, 650 bytes; embeds 1 files, 40 bytes;/);
});

/** GNU tar, as GitHub's runners have it; undefined where there is none (the test then says so). */
function gnuTar(): string | undefined {
  const version = spawnSync("tar", ["--version"], { encoding: "utf8" });
  return version.status === 0 && /GNU tar/.test(version.stdout) ? "tar" : undefined;
}

test("the archive GitHub Pages deploys: measured to the byte as GNU tar writes it (long names, padding, the closing record)", () => {
  const tar = gnuTar();
  if (!tar) {
    console.log("  skipped the archive's comparison with tar: no GNU tar on this machine");
    return;
  }
  const site = join(work, "archive");
  // Sizes either side of a 512-byte block, an empty file, and names either side of tar's 100 bytes (with the './' tar puts before them), one not ASCII.
  write(site, "index.html", 0);
  write(site, "a.txt", 1);
  write(site, "b.txt", 511);
  write(site, "c.txt", 512);
  write(site, "d.txt", 513);
  write(site, "data/big.csv", 20_000);
  write(site, `n/${"x".repeat(96)}`, 10);
  write(site, `n/${"y".repeat(97)}`, 10);
  write(site, `${"f".repeat(97)}/g`, 3);
  write(site, `organisations/${"é".repeat(120)}/${"ü".repeat(125)}/index.html`, 700);
  // Enough of each that a mistake in one is more than the 10,240-byte record an archive is rounded to.
  for (let i = 0; i < 30; i++) write(site, `many/${i}/index.html`, 100 + i * 37);
  for (let i = 0; i < 30; i++) write(site, `long/${String(i).padStart(2, "0")}${"z".repeat(95)}`, 1);
  const archive = spawnSync(tar, ["-cf", "-", "-C", site, "."], { maxBuffer: 1 << 26 });
  assert.is(archive.status, 0, String(archive.stderr));
  const budget = measureOutput(site);
  assert.is(budget.archiveBytes, archive.stdout.length);
  assert.ok(budget.archiveBytes > budget.bytes);
});

test("a folder deeper than the call stack allows is measured (no recursion)", () => {
  const site = join(work, "deep");
  let path = site;
  for (let depth = 0; depth < 300; depth++) path = join(path, "d");
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, "index.html"), "deep");
  const budget = measureOutput(site);
  assert.is(budget.folders, 300);
  assert.is(budget.files, 1);
});

test("what kind a path is", () => {
  assert.is(kindOf("organisations/x/index.html"), "pages");
  assert.is(kindOf("embed/x/y/index.html"), "embeds");
  assert.is(kindOf("share/x.png"), "images");
  assert.is(kindOf("pagefind/pagefind.js"), "search");
  assert.is(kindOf("pagefind-12/fragment/en-gb_1a2b.pf_fragment"), "search");
  assert.is(kindOf("pagefinder/x.html"), "pages");
  assert.is(kindOf("data/national/2024-03-31.json"), "open data");
  assert.is(kindOf("feed.xml"), "other");
});

function budgetOf(figures: Partial<Budget>): Budget {
  const site = join(work, `empty-${Math.random().toString(36).slice(2)}`);
  mkdirSync(site);
  return { ...measureOutput(site), ...figures };
}

test("each limit of each host: a figure over it is named, with the limit; one within it is not", () => {
  const big = budgetOf({
    files: 150_000,
    folders: 60_000,
    entries: 210_000,
    bytes: 2_360_000_000,
    archiveBytes: 2_500_000_000,
    largestFile: { path: "data/judgements.json", bytes: 215 * 1024 * 1024 },
    fullestFolder: { path: "organisations", entries: 60_000 },
  });
  const limitsOver = (host: keyof typeof HOSTS) => overLimits(big, HOSTS[host]).map((over) => over.limit);
  // GitHub Pages measures the archive it deploys: at least the files' bytes.
  assert.equal(limitsOver("github-pages"), ["archiveBytes", "fileBytes"]);
  assert.equal(limitsOver("cloudflare-pages"), ["files", "fileBytes"]);
  assert.equal(limitsOver("cloudflare-pages-paid"), ["files", "fileBytes"]);
  assert.equal(limitsOver("gitlab-pages"), ["totalBytes", "entries"]);
  assert.equal(limitsOver("netlify"), ["entriesPerFolder"]);
  assert.equal(limitsOver("s3"), []);

  const [files] = overLimits(big, HOSTS["cloudflare-pages-paid"]);
  assert.is(files!.figure, 150_000);
  assert.is(files!.allowed, 100_000);
  assert.match(files!.message, /The site has 150,000 files; Cloudflare Pages \(paid\) takes at most 100,000\./);
  const [, file] = overLimits(big, HOSTS["github-pages"]);
  assert.match(file!.message, /data\/judgements\.json is 225\.4 MB; GitHub Pages takes files of at most 100\.0 MB\./);
  const folder = overLimits(big, HOSTS.netlify)[0]!;
  assert.match(
    folder.message,
    /The folder organisations\/ holds 60,000 entries; Netlify takes at most 54,000 in one folder\./,
  );

  const small = budgetOf({
    files: 100,
    folders: 50,
    entries: 150,
    bytes: 1_000_000,
    archiveBytes: 1_100_000,
    fullestFolder: { path: ".", entries: 20 },
  });
  for (const id of HOST_IDS) assert.equal(overLimits(small, HOSTS[id]), [], id);
});

test("every host in site.yaml's list has limits with a source and the date it was read", () => {
  for (const id of HOST_IDS) {
    const host = HOSTS[id];
    assert.is(host.id, id);
    assert.ok(host.sources.length > 0, id);
    for (const source of host.sources) {
      assert.match(source.source, /^https:\/\//);
      assert.match(source.read, /^\d{4}-\d{2}$/);
    }
  }
});

test.run();
