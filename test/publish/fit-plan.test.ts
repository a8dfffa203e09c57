/**
 * A fit planned before drawing, on a real build of the sample (src/publishing/fit.ts, with
 * the stages src/cli/build.ts runs: pages written without pictures, the plan of
 * src/eleventy/sharing-plan.ts, then pictures drawn for the setting chosen), against made-up
 * hosts: the prediction is the site as drawn, only the chosen setting's pictures are drawn
 * (an empty image cache holds them alone afterwards), a site that fits nothing draws none,
 * and the open data made compact keeps every row.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { writeSitePages } from "../../src/cli/build-pages.ts";
import { drawSitePictures } from "../../src/cli/build-pictures.ts";
import { type PagesStage, stepOverrides } from "../../src/cli/build-stage.ts";
import { measureOutput } from "../../src/publishing/budget.ts";
import { type FitSetting, type FitStages, fitToHost, type Plan, predictBudget } from "../../src/publishing/fit.ts";
import type { Host } from "../../src/publishing/hosts.ts";
import { projectRoot, runBuild } from "../fixtures/build-site.ts";
import { filesUnder } from "../browser/support.ts";

const test = suite("publishing: a fit planned before any picture is drawn");
let work = "";
test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-fit-plan-"));
});
test.after(() => {
  rmSync(work, { recursive: true, force: true });
});

const host = (limits: Host["limits"]): Host => ({ id: "s3", name: "A made-up host", limits, sources: [] });

/** The stages build.ts runs, in this process, into `name`'s staging folder with an image cache of its own (empty at first). */
function stagesFor(name: string): { stages: FitStages; staging: string; cache: string } {
  const staging = join(work, name, "site");
  const cache = join(work, name, "cache");
  const stage: PagesStage = {
    root: projectRoot,
    content: "content",
    staging,
    quiet: true,
    allowEmpty: false,
    images: true,
    imageCache: cache,
    overrides: {},
  };
  const planFile = join(work, name, "plan.json");
  const stages: FitStages = {
    async pages(setting: FitSetting, options) {
      stage.overrides = stepOverrides({}, setting);
      rmSync(staging, { recursive: true, force: true });
      const written = await writeSitePages({
        ...stage,
        draw: options.draw,
        ...(options.plan ? { plan: planFile } : {}),
      });
      assert.is(written.outcome, "written", JSON.stringify(written));
      const plan = options.plan ? (JSON.parse(readFileSync(planFile, "utf8")) as Plan) : undefined;
      return { budget: measureOutput(staging), ...(plan ? { plan } : {}) };
    },
    async search() {
      return measureOutput(staging);
    },
    async draw() {
      await drawSitePictures(stage);
      return measureOutput(staging);
    },
  };
  return { stages, staging, cache };
}

const pictures = (cache: string): number => {
  try {
    return readdirSync(cache).filter((name) => name.endsWith(".png")).length;
  } catch {
    return 0;
  }
};
const own = { sharing: undefined, openData: "whole" as const, feeds: "all" as const };

test("over the site as it is: built again for each organisation's latest, and only those pictures drawn", async () => {
  // The sample shares every inspection (7, under 2,000); first, a host that takes it all, for the plan's figures.
  const roomy = stagesFor("roomy");
  const all = await fitToHost(host({ totalBytes: 1e12 }), own, roomy.stages, () => {});
  assert.equal(all.chosen, {});
  const [asItIs, latest] = all.planned.map((step) => step.predicted);
  assert.ok(latest!.bytes < asItIs!.bytes);
  assert.is(all.budget.files, asItIs!.files, "the files predicted are the files drawn");
  assert.ok(all.budget.bytes <= asItIs!.bytes, "a picture not in the cache is estimated at or above its size");
  assert.ok(all.budget.archiveBytes <= asItIs!.archiveBytes, "and so is its place in the archive");
  assert.ok(all.budget.archiveBytes > all.budget.bytes);
  const allPictures = all.plan!.costs[0]!.pictures + all.plan!.common.files;
  assert.is(pictures(roomy.cache), allPictures);

  const tight = stagesFor("tight");
  const limit = Math.floor((asItIs!.bytes + latest!.bytes) / 2);
  const fit = await fitToHost(host({ totalBytes: limit }), own, tight.stages, () => {});
  assert.equal(fit.chosen, { sharing: { recentYears: 0 } });
  assert.equal(fit.rebuilt, [{ sharing: { recentYears: 0 } }]);
  assert.equal(fit.over, []);
  assert.ok(fit.budget.bytes <= limit);
  const drawn = fit.plan!.costs[1]!.pictures + fit.plan!.common.files;
  assert.ok(drawn < allPictures);
  assert.is(pictures(tight.cache), drawn, "only the pictures of the setting chosen were drawn");
  const shareImages = (folder: string): number =>
    (readdirSync(folder, { recursive: true }) as string[]).filter(
      (path) => /\/share\.png$/.test(path) && !path.startsWith("assets"),
    ).length;
  assert.is(
    shareImages(tight.staging),
    fit.plan!.costs[1]!.pictures -
      readdirSync(tight.staging, { recursive: true }).filter((path) => String(path).endsWith("/comparison.png")).length,
  );
});

test("a host the site cannot fit whatever is left out: refused from the plan, no picture drawn", async () => {
  const small = stagesFor("small");
  const fit = await fitToHost(host({ totalBytes: 100_000 }), own, small.stages, () => {});
  assert.is(fit.chosen, undefined);
  assert.equal(
    fit.over.map((over) => over.limit),
    ["totalBytes"],
  );
  assert.is(pictures(small.cache), 0, "nothing was drawn");
  assert.is(
    fit.planned.length,
    18,
    "every candidate was predicted, the last with nothing shared, the open data in bulk and the site's feed alone",
  );
  assert.equal(fit.planned.at(-1)!.setting, { sharing: "none", openData: "bulk", feeds: "site" });
});

test("the site's feed alone: no organisation's feed is written, and the plan's prediction from a build with them holds", async () => {
  const withFeeds = stagesFor("with-feeds");
  const built = await withFeeds.stages.pages({}, { draw: false, plan: true });
  assert.ok(built.budget.organisationFeeds.files > 0);
  const predicted = predictBudget(built.budget, own, { feeds: "site" }, own, built.plan!);
  const alone = stagesFor("feeds");
  const { budget } = await alone.stages.pages({ feeds: "site" }, { draw: false, plan: false });
  assert.equal(budget.organisationFeeds, { files: 0, folders: 0, bytes: 0, archive: 0 });
  const files = filesUnder(alone.staging);
  assert.not.ok(
    files.some((path) => /^organisations\/[^/]+\/feed\.xml$/.test(path)),
    "no organisation's feed",
  );
  assert.ok(files.includes("feed.xml"), "the site's feed stays");
  // The organisation's pages lose their follow link, so the prediction is at or a little above what is written.
  assert.is(predicted.files, budget.files + built.plan!.costs[0]!.pictures + built.plan!.common.files);
  assert.ok(predicted.bytes >= budget.bytes, `${predicted.bytes} >= ${budget.bytes}`);
  const page = readFileSync(join(alone.staging, "organisations/oxfordshire/index.html"), "utf8");
  assert.not.match(page, /feed\.xml" type="application\/atom\+xml">Follow/);
  assert.match(page, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/feed\.xml">/);
});

test("the open data made compact: CSV parts alone, no file per organisation, and every row still there", async () => {
  const compact = stagesFor("compact");
  const { budget } = await compact.stages.pages({ openData: "compact" }, { draw: false, plan: false });
  const data = join(compact.staging, "data");
  assert.equal(budget.compactable, { files: 0, folders: 0, bytes: 0, archive: 0 });
  assert.not.ok(readdirSync(data).includes("organisations"));
  const index = JSON.parse(readFileSync(join(data, "parts.json"), "utf8"));
  assert.is(index.form, "compact");
  for (const table of ["inspections", "judgements"]) {
    const files = readdirSync(join(data, table));
    assert.ok(files.length > 0 && files.every((file) => file.endsWith(".csv")), `${table}: ${files.join(", ")}`);
    const parts = index.tables[table].parts as { csv: string; json: string | null }[];
    assert.ok(parts.every((part) => part.json === null));
    // The parts together are the whole: the same rows, in order, as the compressed CSV.
    const rows = (text: string) => text.split("\n").slice(1).filter(Boolean);
    const whole = rows(gunzipSync(readFileSync(join(data, `${table}.csv.gz`))).toString("utf8"));
    const together = parts.flatMap((part) => rows(readFileSync(join(data, part.csv), "utf8")));
    assert.equal(together, whole);
    assert.is(whole.length, index.tables[table].rows);
  }
  const page = readFileSync(join(compact.staging, "data/index.html"), "utf8");
  assert.match(page, /its open data is compact: the tables come as CSV alone/);
  assert.not.match(page, /\/data\/judgements\/\d{4}(-\d+)?\.json/);
});

test("the open data in bulk: each table whole as .csv.gz alone, every row counted by year in parts.json", async () => {
  const bulk = stagesFor("bulk");
  const { budget } = await bulk.stages.pages({ openData: "bulk" }, { draw: false, plan: false });
  const data = join(bulk.staging, "data");
  assert.equal(budget.csvParts, { files: 0, folders: 0, bytes: 0, archive: 0 });
  for (const gone of ["organisations", "inspections", "judgements"])
    assert.not.ok(readdirSync(data).includes(gone), gone);
  const index = JSON.parse(readFileSync(join(data, "parts.json"), "utf8"));
  assert.is(index.form, "bulk");
  for (const table of ["inspections", "judgements"]) {
    const parts = index.tables[table].parts as { csv: string | null; json: string | null; rows: number }[];
    assert.ok(parts.length > 0 && parts.every((part) => part.csv === null && part.json === null));
    const whole = gunzipSync(readFileSync(join(data, `${table}.csv.gz`))).toString("utf8");
    assert.ok(whole.startsWith(table === "inspections" ? "id," : "inspection_id,"), whole.slice(0, 40));
    assert.is(
      parts.reduce((total, part) => total + part.rows, 0),
      index.tables[table].rows,
    );
  }
  const page = readFileSync(join(bulk.staging, "data/index.html"), "utf8");
  assert.match(page, /its open data is bulk: the tables come whole, each as one compressed CSV alone/);
  assert.not.match(page, /\/data\/judgements\/\d{4}/);
  assert.match(page, /judgements\.csv\.gz/);
});

test("a build that cannot fit its host refuses before drawing, says by how much, and leaves the last site as it was", () => {
  const output = join(work, "cli", "site");
  const first = runBuild(["--output", output, "--no-search"]);
  assert.is(first.status, 0, first.stderr);
  const before = new Map(filesUnder(output).map((path) => [path, readFileSync(join(output, path)).toString("base64")]));
  const cache = join(work, "cli", "cache");
  const refused = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./test/fixtures/small-host.ts",
      "src/cli/build.ts",
      "--output",
      output,
      "--no-search",
      "--host",
      "netlify",
    ],
    {
      cwd: projectRoot,
      encoding: "utf8",
      env: {
        ...process.env,
        EXPLAINERS_IMAGE_CACHE: cache,
        EXPLAINERS_TEST_HOST_LIMITS: JSON.stringify({ totalBytes: 200_000 }),
      },
    },
  );
  assert.is(refused.status, 1, refused.stderr);
  assert.match(
    refused.stderr,
    /The site does not fit the limits of Netlify .*as planned before drawing its pictures, with/,
  );
  assert.match(refused.stderr, /- The site is \d+(\.\d)? MB; Netlify takes at most 200\.0 KB\./);
  assert.match(refused.stderr, /would not be enough for Netlify: even then, the site is .* none was drawn/);
  assert.match(refused.stderr, /Nothing was published; site\/ is as it was\./);
  assert.is(pictures(cache), 0, "no picture was drawn");
  const after = new Map(filesUnder(output).map((path) => [path, readFileSync(join(output, path)).toString("base64")]));
  assert.equal(after, before);
});

test.run();
