/**
 * Fitting a site to its host (src/publishing/fit.ts), with made-up budgets and plans: the
 * order of the candidates, each predicted before any picture is drawn, the site built again
 * only for the first predicted to fit, pictures drawn only for the one chosen, the open data
 * made compact only when no sharing setting fits without it, and a site too big whatever is
 * left out refused with nothing drawn. test/publish/fit-plan.test.ts builds a real site.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  type Budget,
  isCompactableFile,
  isSharingFile,
  measureOutput,
  noKinds,
  overLimits,
} from "../../src/publishing/budget.ts";
import {
  fitAdvice,
  fitCandidates,
  fitSteps,
  fitText,
  fitToHost,
  type FitSetting,
  type Plan,
  predictBudget,
  withoutSharing,
} from "../../src/publishing/fit.ts";
import { HOSTS, type Host } from "../../src/publishing/hosts.ts";

const test = suite("publishing: fitting a site to its host");

/** The open data and feeds a build was made with, or a site has: whole and all, compact and all. */
const WHOLE = { openData: "whole", feeds: "all" } as const;
const COMPACT = { openData: "compact", feeds: "all" } as const;

/**
 * A build's budget: `sharing` its share files (texts alone, as embed pages: no picture drawn
 * yet), `compactable` the open data's JSON (all its open data), `feeds` the organisations'
 * feeds, the rest pages. Its archive is its bytes and 1,000 bytes a file: what each part
 * adds to it, the same.
 */
function budget(
  files: number,
  bytes: number,
  sharing = { files: 0, bytes: 0 },
  compactable = { files: 0, bytes: 0 },
  feeds = { files: 0, bytes: 0 },
): Budget {
  const rest = {
    files: files - sharing.files - compactable.files - feeds.files,
    bytes: bytes - sharing.bytes - compactable.bytes - feeds.bytes,
  };
  const part = (of: { files: number; bytes: number }) => ({ ...of, folders: 0, archive: of.bytes + 1000 * of.files });
  return {
    files,
    folders: 100,
    entries: files + 100,
    bytes,
    archiveBytes: bytes + 1000 * files,
    largestFile: { path: "data/x.csv", bytes: 1000 },
    fullestFolder: { path: "organisations", entries: 50 },
    byKind: { ...noKinds(), pages: rest, embeds: sharing, "open data": compactable, other: feeds },
    sharing: part(sharing),
    sharingByKind: { ...noKinds(), embeds: sharing },
    compactable: part(compactable),
    csvParts: part({ files: 0, bytes: 0 }),
    organisationFeeds: part(feeds),
  };
}

/** A sharing setting's cost: its files, as embed pages and pictures. */
const cost = (sharing: FitSetting["sharing"], files: number, bytes: number, pictures = 0) => ({
  sharing,
  files,
  folders: 0,
  bytes,
  archive: bytes + 1000 * files,
  byKind: {
    ...noKinds(),
    embeds: { files: files - pictures, bytes: bytes / 2 },
    images: { files: pictures, bytes: bytes / 2 },
  },
  pictures,
  pictureBytes: bytes / 2,
  cached: 0,
  estimatedBytes: 0,
});

/** The site's own sharing costs 10,000 files and 400 MB; each organisation's latest 4,000 and 150 MB; none nothing. */
const plan: Plan = {
  common: { files: 5, bytes: 50_000, archive: 55_000 },
  costs: [cost(undefined, 10_000, 4e8, 6_000), cost({ recentYears: 0 }, 4_000, 1.5e8, 2_500), cost("none", 0, 0)],
};

test("the candidates: the site's own, sharing narrowed, then the same with the open data compact", () => {
  assert.equal(fitSteps(undefined), [{ recentYears: 0 }, "none"]);
  assert.equal(fitSteps({ recentYears: 0 }), ["none"]);
  assert.equal(fitSteps("none"), []);
  const withFeeds: FitSetting[] = [
    {},
    { sharing: { recentYears: 0 } },
    { sharing: "none" },
    { openData: "compact" },
    { sharing: { recentYears: 0 }, openData: "compact" },
    { sharing: "none", openData: "compact" },
    { openData: "bulk" },
    { sharing: { recentYears: 0 }, openData: "bulk" },
    { sharing: "none", openData: "bulk" },
  ];
  // The organisations' feeds go last: all nine again with the site's feed alone.
  assert.equal(fitCandidates(undefined), [...withFeeds, ...withFeeds.map((step) => ({ ...step, feeds: "site" }))]);
  assert.equal(fitCandidates(undefined, "whole", "site"), withFeeds);
  assert.equal(fitCandidates("none", "compact"), [
    {},
    { openData: "bulk" },
    { feeds: "site" },
    { openData: "bulk", feeds: "site" },
  ]);
  assert.equal(fitCandidates("none", "bulk", "site"), [{}]);
});

test("a candidate's budget is predicted from the build: its share files and pictures in place of the build's, less the JSON when compact", () => {
  const built = budget(50_000, 1e9, { files: 4_000, bytes: 1e8 }, { files: 3_000, bytes: 3e8 });
  const own = predictBudget(built, WHOLE, {}, WHOLE, plan);
  assert.is(own.files, 50_000 - 4_000 + 10_000 + 5);
  assert.is(own.bytes, 1e9 - 1e8 + 4e8 + 50_000);
  const compact = predictBudget(built, WHOLE, { sharing: "none", openData: "compact" }, WHOLE, plan);
  assert.is(compact.files, 50_000 - 4_000 + 5 - 3_000);
  assert.is(compact.bytes, 1e9 - 1e8 + 50_000 - 3e8);
  assert.is(compact.byKind["open data"].bytes, 0);
  // By kind: the build's embed pages out and the candidate's in; its pictures and the site's own as images.
  assert.equal(own.byKind.embeds, { files: 10_000 - 6_000, bytes: 2e8 });
  assert.equal(own.byKind.images, { files: 6_000 + 5, bytes: 2e8 + 50_000 });
  assert.equal(compact.byKind.embeds, { files: 0, bytes: 0 });
  assert.equal(own.byKind.pages, built.byKind.pages);
  // A build already compact has nothing more to leave out.
  assert.is(predictBudget(built, COMPACT, { openData: "compact" }, WHOLE, plan).bytes, own.bytes);
  // In bulk, the CSV parts go too; from a compact build, only they.
  const parted = { ...built, csvParts: { files: 50, folders: 2, bytes: 1e8, archive: 1e8 + 60_000 } };
  const bulk = predictBudget(parted, WHOLE, { sharing: "none", openData: "bulk" }, WHOLE, plan);
  assert.is(bulk.bytes, compact.bytes - 1e8);
  assert.is(bulk.folders, compact.folders - 2);
  assert.is(predictBudget(parted, COMPACT, { openData: "bulk" }, WHOLE, plan).bytes, own.bytes - 1e8);
  // The archive: each part's headers and padding in or out with it, rounded up to tar's 10,240-byte record.
  const record = (bytes: number) => Math.ceil(bytes / 10_240) * 10_240;
  assert.is(own.archiveBytes, record(built.archiveBytes - (1e8 + 4_000_000) + (4e8 + 10_000_000) + 55_000));
  assert.is(
    bulk.archiveBytes,
    record(built.archiveBytes - (1e8 + 4_000_000) + 55_000 - (3e8 + 3_000_000) - (1e8 + 60_000)),
  );
});

test("with the site's feed alone, each organisation's feed is predicted gone, and a build without them leaves nothing more", () => {
  const built = budget(
    50_000,
    1e9,
    { files: 4_000, bytes: 1e8 },
    { files: 0, bytes: 0 },
    { files: 10_000, bytes: 4e7 },
  );
  const own = predictBudget(built, WHOLE, {}, WHOLE, plan);
  const feedless = predictBudget(built, WHOLE, { feeds: "site" }, WHOLE, plan);
  assert.is(feedless.files, own.files - 10_000);
  assert.is(feedless.bytes, own.bytes - 4e7);
  assert.ok(own.archiveBytes - feedless.archiveBytes >= 4e7 + 10_000 * 1000 - 10_240);
  assert.equal(feedless.byKind.other, { files: 0, bytes: 0 });
  assert.equal(feedless.organisationFeeds, { files: 0, folders: 0, bytes: 0, archive: 0 });
  // A site whose own setting is the site's feed alone was built without them.
  assert.is(
    predictBudget(built, { openData: "whole", feeds: "site" }, { feeds: "site" }, WHOLE, plan).bytes,
    own.bytes,
  );
});

test("the organisations' feeds are left out only when nothing else is enough", async () => {
  const built = (setting: FitSetting) => {
    const texts = setting.sharing === undefined ? { files: 4_000, bytes: 1e8 } : { files: 0, bytes: 0 };
    const json = setting.openData ? { files: 0, bytes: 0 } : { files: 3_000, bytes: 3e8 };
    const feeds = setting.feeds === "site" ? { files: 0, bytes: 0 } : { files: 10_000, bytes: 4e7 };
    const rest = { files: 30_000, bytes: 3e8 };
    return budget(
      rest.files + texts.files + json.files + feeds.files,
      rest.bytes + texts.bytes + json.bytes + feeds.bytes,
      texts,
      json,
      feeds,
    );
  };
  const { log, stages: driven } = stages(built);
  // Without sharing and the JSON: 340 MB of files, 380 MB of archive; without the feeds too, 300 and 330.
  const limit = host({ archiveBytes: 3.5e8 });
  const fit = await fitToHost(limit, { sharing: undefined, openData: "whole", feeds: "all" }, driven, () => {});
  assert.equal(fit.chosen, { sharing: "none", openData: "compact", feeds: "site" });
  assert.equal(log.at(-1), 'draw {"sharing":"none","openData":"compact","feeds":"site"}');
  const text = fitText(limit, fit);
  assert.match(
    text,
    /To fit A made-up host: share files for no inspection \(the site's image for all\), and the open data compact \(its tables as CSV alone\), and the site's feed alone \(no feed for each organisation\)\./,
  );
  assert.match(
    text,
    /Left out 10,000 files \(40\.0 MB\) of feeds: each organisation's own; its page names the site's feed of new inspections instead\./,
  );
  assert.match(
    overLimits(fit.first, limit).at(0)?.message ?? "",
    /or leave out each organisation's own feed \(`feeds: site`\)/,
  );
});

/** Stages that record what was built and drawn; each build's budget from `budgets` by its setting. */
function stages(budgets: (setting: FitSetting) => Budget, search = 0) {
  const log: string[] = [];
  let last: FitSetting = {};
  return {
    log,
    stages: {
      async pages(setting: FitSetting, options: { draw: boolean; plan: boolean }) {
        log.push(`pages ${JSON.stringify(setting)}${options.draw ? " drawn" : ""}`);
        last = setting;
        return { budget: budgets(setting), ...(options.plan ? { plan } : {}) };
      },
      /** The search index adds `search` bytes. */
      async search() {
        log.push("search");
        const budget = budgets(last);
        return { ...budget, bytes: budget.bytes + search };
      },
      async draw(setting: FitSetting) {
        log.push(`draw ${JSON.stringify(setting)}`);
        const predicted = predictBudget(
          budgets(setting),
          { openData: setting.openData ?? "whole", feeds: setting.feeds ?? "all" },
          setting,
          WHOLE,
          plan,
        );
        return predicted;
      },
    },
  };
}

const host = (limits: Host["limits"]): Host => ({ id: "s3", name: "A made-up host", limits, sources: [] });

test("over a host's bytes: planned from one build, built again once for the first candidate that fits, and only its pictures drawn", async () => {
  const built = (setting: FitSetting) =>
    setting.sharing === undefined
      ? budget(50_000, 9e8, { files: 4_000, bytes: 1e8 }, { files: 3_000, bytes: 3e8 })
      : budget(47_000, 8.2e8, { files: 1_600, bytes: 2e7 }, { files: 3_000, bytes: 3e8 });
  const { log, stages: driven } = stages(built);
  const lines: string[] = [];
  // Own: 1.2 GB; each organisation's latest: 0.95 GB.
  const fit = await fitToHost(
    host({ totalBytes: 1e9 }),
    { sharing: undefined, openData: "whole", feeds: "all" },
    driven,
    (line) => lines.push(line),
  );
  // The site as it is is over before its search index: built again at once, and indexed once.
  assert.equal(log, [
    "pages {}",
    'pages {"sharing":{"recentYears":0}}',
    "search",
    'draw {"sharing":{"recentYears":0}}',
  ]);
  assert.equal(fit.chosen, { sharing: { recentYears: 0 } });
  assert.equal(fit.over, []);
  assert.equal(fit.rebuilt, [{ sharing: { recentYears: 0 } }]);
  assert.match(
    lines[0]!,
    /does not fit A made-up host as it is: building it again with share files for each organisation's latest inspection\./,
  );
  assert.match(
    lines[1]!,
    /Planned to fit A made-up host: share files for each organisation's latest inspection; 2,500 share images and chart PNGs to draw, 0 from the image cache\./,
  );
  const text = fitText(host({ totalBytes: 1e9 }), fit);
  assert.match(text, /Left out 6,000 files \(250\.0 MB\) of sharing, 3,500 of them pictures not drawn/);
  assert.not.match(text, /open data/);
});

test("the open data is made compact only when no sharing setting fits without it, and then as much is shared as fits", async () => {
  const built = (setting: FitSetting) => {
    const texts = setting.sharing === undefined ? { files: 4_000, bytes: 1e8 } : { files: 1_600, bytes: 2e7 };
    const json = setting.openData === "compact" ? { files: 0, bytes: 0 } : { files: 3_000, bytes: 3e8 };
    return budget(43_000 + texts.files + json.files, 5e8 + texts.bytes + json.bytes, texts, json);
  };
  const { log, stages: driven } = stages(built);
  // Without sharing 0.8 GB: over 0.75 GB; compact with each organisation's latest: 0.65 GB.
  const fit = await fitToHost(
    host({ totalBytes: 7.5e8 }),
    { sharing: undefined, openData: "whole", feeds: "all" },
    driven,
    () => {},
  );
  assert.equal(fit.chosen, { sharing: { recentYears: 0 }, openData: "compact" });
  assert.equal(log.at(-1), 'draw {"sharing":{"recentYears":0},"openData":"compact"}');
  assert.match(
    fitText(host({}), fit),
    /Left out 3,000 files \(300\.0 MB\) of open data: the tables' JSON parts and the file per organisation/,
  );
});

test("a site that fits before its search index but not with it is built again with the next candidate", async () => {
  const built = (setting: FitSetting) =>
    setting.sharing === undefined
      ? budget(50_000, 9e8, { files: 4_000, bytes: 1e8 })
      : budget(47_000, 8.2e8, { files: 1_600, bytes: 2e7 });
  // As it is: 1.2 GB with its pictures, within 1.21 GB, but 1.23 GB with 30 MB of index; each organisation's latest 0.95 GB.
  const { log, stages: driven } = stages(built, 3e7);
  const fit = await fitToHost(
    host({ totalBytes: 1.21e9 }),
    { sharing: undefined, openData: "whole", feeds: "all" },
    driven,
    () => {},
  );
  assert.equal(fit.chosen, { sharing: { recentYears: 0 } });
  assert.equal(log, [
    "pages {}",
    "search",
    'pages {"sharing":{"recentYears":0}}',
    "search",
    'draw {"sharing":{"recentYears":0}}',
  ]);
});

test("a site that fits is built once and drawn; with no host, built once with its pictures and nothing checked", async () => {
  const { log, stages: driven } = stages(() => budget(15_000, 1e8));
  const fits = await fitToHost(
    HOSTS["cloudflare-pages-paid"],
    { sharing: "all", openData: "whole", feeds: "all" },
    driven,
    () => {},
  );
  assert.equal(log, ["pages {}", "search", "draw {}"]);
  assert.equal(fits.chosen, {});
  assert.is(fitText(HOSTS["cloudflare-pages-paid"], fits), "");
  const bare = stages(() => budget(150_000, 9e9));
  const unchecked = await fitToHost(
    undefined,
    { sharing: undefined, openData: "whole", feeds: "all" },
    bare.stages,
    () => {},
  );
  assert.equal(bare.log, ["pages {} drawn", "search"]);
  assert.equal(unchecked.over, []);
});

test("over whatever is left out: refused after one build, no picture drawn, saying what would still be over", async () => {
  const { log, stages: driven } = stages(() =>
    budget(150_000, 2.2e9, { files: 60_000, bytes: 4e8 }, { files: 10_000, bytes: 5e8 }),
  );
  const fit = await fitToHost(
    HOSTS["github-pages"],
    { sharing: undefined, openData: "whole", feeds: "all" },
    driven,
    () => {},
  );
  assert.equal(log, ["pages {}"], "refused before indexing: the index would only add");
  assert.is(fit.chosen, undefined);
  assert.is(fit.searched, false);
  assert.equal(
    fit.over.map((over) => over.limit),
    ["archiveBytes"],
  );
  assert.is(fit.budget.bytes, 2.2e9 - 4e8 - 5e8 + 50_000);
  // With every share file and the JSON already left out, the advice names only what is left to change.
  assert.match(fit.over[0]!.message, /To fit: choose a host with a higher limit\.$/);
  assert.match(
    overLimits(fit.planned[0]!.predicted, HOSTS["github-pages"])[0]!.message,
    /To fit: share fewer inspections' images and embed pages .*, or publish the open data compact \(`openData: compact`\), or choose a host with a higher limit\.$/,
  );
  assert.match(
    fitAdvice(fit, HOSTS["github-pages"]),
    /would not be enough for GitHub Pages: even then, the site is 1\.\d\d GB as the archive GitHub Pages deploys \(its files 1\.30 GB, .*\) \(predicted before drawing any picture; none was drawn\)/,
  );
  assert.is(withoutSharing(budget(10, 100, { files: 4, bytes: 40 })).bytes, 60);
});

test("an inspection's own share files, and the open data's JSON, are counted apart", () => {
  assert.ok(isSharingFile("embed/oxfordshire/2024-standard-inspection/index.html"));
  assert.ok(isSharingFile("organisations/oxfordshire/2024-standard-inspection/share.png"));
  assert.ok(isSharingFile("organisations/oxfordshire/2024-standard-inspection/comparison.csv"));
  assert.not.ok(isSharingFile("assets/share.png"));
  assert.not.ok(isSharingFile("assets/embed.css"));
  assert.not.ok(isSharingFile("organisations/oxfordshire/2024-standard-inspection/index.html"));
  assert.ok(isCompactableFile("data/judgements/2019-2.json"));
  assert.ok(isCompactableFile("data/organisations/oxfordshire.json"));
  assert.not.ok(isCompactableFile("data/judgements/2019-2.csv"));
  assert.not.ok(isCompactableFile("data/organisations.json"));
  assert.not.ok(isCompactableFile("data/parts.json"));
  assert.not.ok(isCompactableFile("data/national/latest.json"));
  const work = mkdtempSync(join(tmpdir(), "explainers-fit-"));
  try {
    for (const [path, bytes] of [
      ["embed/a/x/index.html", 40],
      ["organisations/a/x/share.png", 300],
      ["organisations/a/x/comparison.svg", 20],
      ["organisations/a/x/index.html", 500],
      ["assets/share.png", 100],
      ["data/organisations/a.json", 70],
      ["data/judgements/2020.json", 80],
      ["data/judgements/2020.csv", 50],
    ] as const) {
      mkdirSync(join(work, path, ".."), { recursive: true });
      writeFileSync(join(work, path), "x".repeat(bytes));
    }
    // embed/a and embed/a/x: the folders that go with the embed pages; data/organisations with its files.
    const measured = measureOutput(work);
    // In the archive, a header (512 bytes) for each, and each file's bytes padded to 512.
    assert.equal(measured.sharing, { files: 3, folders: 2, bytes: 360, archive: 5 * 512 + 3 * 512 });
    assert.equal(measured.compactable, { files: 2, folders: 1, bytes: 150, archive: 3 * 512 + 2 * 512 });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test.run();
