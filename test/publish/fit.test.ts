/**
 * Fitting a site to its host (src/publishing/fit.ts): the order of the steps, a step taken
 * only when leaving out share files could make the site fit, what was left out said, and a
 * site too big whatever is shared refused at once with what would still be over.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type Budget, isSharingFile, measureOutput } from "../../src/publishing/budget.ts";
import { fitAdvice, fitSteps, fitText, fitToHost, withoutSharing } from "../../src/publishing/fit.ts";
import { HOSTS } from "../../src/publishing/hosts.ts";
import type { SharingSetting } from "../../src/model/site-settings.ts";

const test = suite("publishing: fitting a site to its host");

function budget(files: number, bytes: number, sharingFiles: number, sharingBytes: number): Budget {
  const none = { files: 0, bytes: 0 };
  return {
    files,
    folders: 100,
    entries: files + 100,
    bytes,
    largestFile: { path: "data/x.csv", bytes: 1000 },
    fullestFolder: { path: "organisations", entries: 50 },
    byKind: { pages: none, embeds: none, images: none, search: none, "open data": none, other: none },
    sharing: { files: sharingFiles, folders: 10, bytes: sharingBytes },
  };
}

test("the steps: the site's own setting, then each organisation's latest, then none", () => {
  assert.equal(fitSteps(undefined), [{ recentYears: 0 }, "none"]);
  assert.equal(fitSteps("all"), [{ recentYears: 0 }, "none"]);
  assert.equal(fitSteps({ recentYears: 3 }), [{ recentYears: 0 }, "none"]);
  assert.equal(fitSteps({ recentYears: 0 }), ["none"]);
  assert.equal(fitSteps("none"), []);
});

test("over Cloudflare's 20,000 files: built again with fewer share files until it fits, and what was left out is said", async () => {
  const built: (SharingSetting | undefined)[] = [];
  const budgets = new Map<string, Budget>([
    ["undefined", budget(25_000, 1e8, 10_000, 3e7)],
    [JSON.stringify({ recentYears: 0 }), budget(21_000, 9e7, 6_000, 2e7)],
    [JSON.stringify("none"), budget(15_000, 7e7, 0, 0)],
  ]);
  const lines: string[] = [];
  const fit = await fitToHost(
    HOSTS["cloudflare-pages"],
    undefined,
    async (sharing) => {
      built.push(sharing);
      return budgets.get(JSON.stringify(sharing) ?? "undefined")!;
    },
    (line) => lines.push(line),
  );
  assert.equal(built, [undefined, { recentYears: 0 }, "none"]);
  assert.equal(fit.over, []);
  assert.is(fit.budget.files, 15_000);
  assert.is(lines.length, 2);
  assert.match(
    lines[0]!,
    /does not fit Cloudflare Pages \(free\): building it again with share files for each organisation's latest inspection\./,
  );
  const text = fitText(HOSTS["cloudflare-pages"], fit.first, fit.tried);
  assert.match(text, /only for no inspection \(the site's image for all\)/);
  assert.match(
    text,
    /left out 10,000 files \(30\.0 MB\) of sharing; every explainer and organisation page, search and the open data are whole\./,
  );
});

test("a step that fits is the last taken; a site that fits is built once", async () => {
  let builds = 0;
  const fits = await fitToHost(
    HOSTS["cloudflare-pages"],
    "all",
    async () => (builds++, budget(19_000, 1e8, 9_000, 1e7)),
    () => {},
  );
  assert.is(builds, 1);
  assert.equal(fits.tried, []);
  let second = 0;
  const once = await fitToHost(
    HOSTS["cloudflare-pages"],
    undefined,
    async (sharing) => (
      second++,
      sharing === undefined ? budget(22_000, 1e8, 9_000, 1e7) : budget(18_000, 1e8, 5_000, 1e7)
    ),
    () => {},
  );
  assert.is(second, 2);
  assert.equal(once.over, []);
});

test("over GitHub Pages' 1 GB whatever is shared: refused after one build, saying what would still be over", async () => {
  let builds = 0;
  const big = budget(150_000, 2.2e9, 60_000, 4e8);
  const fit = await fitToHost(
    HOSTS["github-pages"],
    undefined,
    async () => (builds++, big),
    () => {},
  );
  assert.is(builds, 1);
  assert.equal(
    fit.over.map((over) => over.limit),
    ["totalBytes"],
  );
  assert.is(withoutSharing(big).bytes, 1.8e9);
  assert.match(
    fitAdvice(big, HOSTS["github-pages"]),
    /Leaving out every inspection's share image, embed page and chart downloads \(60,000 files, 400\.0 MB\) would not be enough: without them, the site is 1\.80 GB\. The explainers, organisation pages and open data are not left out/,
  );
  // No host: one build, nothing checked.
  const none = await fitToHost(
    undefined,
    undefined,
    async () => big,
    () => {},
  );
  assert.equal(none.over, []);
});

test("an inspection's own share files, and nothing else, are counted as sharing", () => {
  assert.ok(isSharingFile("embed/oxfordshire/2024-standard-inspection/index.html"));
  assert.ok(isSharingFile("organisations/oxfordshire/2024-standard-inspection/share.png"));
  assert.ok(isSharingFile("organisations/oxfordshire/2024-standard-inspection/comparison.csv"));
  assert.not.ok(isSharingFile("assets/share.png"));
  assert.not.ok(isSharingFile("assets/embed.css"));
  assert.not.ok(isSharingFile("organisations/oxfordshire/2024-standard-inspection/index.html"));
  const work = mkdtempSync(join(tmpdir(), "explainers-fit-"));
  try {
    for (const [path, bytes] of [
      ["embed/a/x/index.html", 40],
      ["organisations/a/x/share.png", 300],
      ["organisations/a/x/comparison.svg", 20],
      ["organisations/a/x/index.html", 500],
      ["assets/share.png", 100],
    ] as const) {
      mkdirSync(join(work, path, ".."), { recursive: true });
      writeFileSync(join(work, path), "x".repeat(bytes));
    }
    // embed/a and embed/a/x: the folders that go with the embed pages.
    assert.equal(measureOutput(work).sharing, { files: 3, folders: 2, bytes: 360 });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test.run();
