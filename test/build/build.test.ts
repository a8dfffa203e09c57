import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot, runBuild } from "../fixtures/build-site.ts";

const build = suite("npm run build");
let work = "";

build.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-build-"));
});
build.after(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (directory: string) => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(path.slice(folder.length), readFileSync(path, "utf8"));
    }
  };
  walk(folder);
  return files;
}

build("builds an explainer for every sample inspection and a page for every organisation", () => {
  const output = join(work, "site");
  const result = runBuild(["--output", output]);
  assert.is(result.status, 0, result.stderr);
  for (const page of [
    "index.html",
    "organisations/index.html",
    "organisations/oxfordshire/index.html",
    "organisations/oxfordshire/2014-single-inspection/index.html",
    "organisations/oxfordshire/2018-short-inspection/index.html",
    "organisations/oxfordshire/2020-focused-visit/index.html",
    "organisations/oxfordshire/2024-standard-inspection/index.html",
    "organisations/wessex-police/index.html",
    "inspections/index.html",
    "frameworks/index.html",
    "frameworks/ofsted-ilacs-2023/index.html",
    "grades/index.html",
    "assets/site.css",
  ]) {
    assert.ok(statSync(join(output, page)).isFile(), `${page} should exist`);
  }
});

build("the 2024 explainer carries the generated sentence and the split-judgement note", () => {
  const page = readFileSync(join(work, "site/organisations/oxfordshire/2024-standard-inspection/index.html"), "utf8");
  assert.ok(
    page.includes("Good in all five areas, up from &#39;requires improvement&#39; for help and protection in 2018."),
  );
  assert.ok(
    page.includes(
      "In 2018 this was part of one judgement, &#39;The experiences and progress of children in care and care leavers&#39;",
    ),
  );
  assert.is(page.match(/<h1[ >]/g)?.length, 1);
});

build("a comparison across two scales says once, above the table, why no row is compared", () => {
  const page = readFileSync(join(work, "site/organisations/wessex-police/2022-peel-inspection/index.html"), "utf8");
  const note = "the inspectorate gives no way to translate one into the other.";
  assert.is(page.split(note).length - 1, 1, "the note appears once");
  assert.match(
    page,
    /<p class="comparison-note">[^<]*no way to translate one into the other\.<\/p>\n<div class="table-scroll"/,
  );
  assert.not.match(page, /class="row-note"/);
  // Rows with notes of their own keep them (Oxfordshire 2024: an area split since 2018).
  const oxfordshire = readFileSync(
    join(work, "site/organisations/oxfordshire/2024-standard-inspection/index.html"),
    "utf8",
  );
  assert.match(oxfordshire, /class="row-note"/);
});

build("the organisation page shows the focused visit and the context events in order", () => {
  const page = readFileSync(join(work, "site/organisations/oxfordshire/index.html"), "utf8");
  const order = [
    "29 April to 21 May 2014",
    "2015-16",
    "Extra investment and a large-scale restructure",
    "16 to 20 April 2018",
    "Ofsted focused visit, 2020",
    "August 2022 to February 2024",
    "12 to 23 February 2024",
  ];
  const positions = order.map((text) => page.indexOf(text));
  assert.ok(
    positions.every((position) => position > 0),
    `all present: ${positions}`,
  );
  assert.equal(
    [...positions].sort((a, b) => a - b),
    positions,
  );
});

build("a build with broken content exits 1 and leaves the previous site exactly as it was", () => {
  const output = join(work, "site");
  const before = filesUnder(output);
  const content = join(work, "content");
  cpSync(join(projectRoot, "content"), content, { recursive: true });
  const file = join(content, "inspections/oxfordshire/2024-standard-inspection.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("help-and-protection: good", "help-and-protection: goood"));
  const result = runBuild(["--output", output, "--content", content]);
  assert.is(result.status, 1);
  assert.match(
    result.stderr,
    /2024-standard-inspection\.md:\d+:\d+ {2}judgements\.help-and-protection: 'goood' is not a grade/,
  );
  assert.match(result.stderr, /Did you mean 'good'\?/);
  assert.equal(filesUnder(output), before);
  assert.equal(
    readdirSync(work).filter((name) => name.startsWith(".site-")),
    [],
  );
});

build(
  "every inspection has its share image; every comparison its data, and its chart as SVG and PNG where it has one",
  () => {
    const output = join(work, "site");
    const explainers = [
      "2014-single-inspection",
      "2018-short-inspection",
      "2020-focused-visit",
      "2024-standard-inspection",
    ];
    for (const slug of explainers)
      assert.ok(statSync(join(output, `organisations/oxfordshire/${slug}/share.png`)).size > 10_000, slug);
    for (const file of ["comparison.csv", "comparison.svg", "comparison.png"])
      assert.ok(statSync(join(output, "organisations/oxfordshire/2024-standard-inspection", file)).isFile(), file);
    // Grades on scales that cannot be compared: the table's data, but no chart to download.
    const wessex = join(output, "organisations/wessex-police/2022-peel-inspection");
    assert.equal(readdirSync(wessex).sort(), ["comparison.csv", "index.html", "share.png"]);
    for (const file of [
      "assets/share.png",
      "assets/icon.svg",
      "assets/icon-32.png",
      "assets/icon-512.png",
      "manifest.webmanifest",
    ])
      assert.ok(statSync(join(output, file)).isFile(), file);
  },
);

build("a second build of unchanged content draws no image, and writes the same bytes", () => {
  const cache = join(work, "image-cache");
  const env = { EXPLAINERS_IMAGE_CACHE: cache };
  const first = runBuild(["--output", join(work, "first"), "--no-search"], env);
  assert.is(first.status, 0, first.stderr);
  const drawn = /Drew (\d+) images and took 0 from the image cache/.exec(first.stdout);
  assert.ok(drawn && Number(drawn[1]) > 10, first.stdout);
  const second = runBuild(["--output", join(work, "second"), "--no-search"], env);
  assert.is(second.status, 0, second.stderr);
  assert.match(second.stdout, `Drew no images: all ${drawn![1]} were in the image cache`);
  // Drawn afresh or taken from the cache, every file is the same.
  const [one, two] = [filesUnder(join(work, "first")), filesUnder(join(work, "second"))];
  assert.equal([...one.keys()], [...two.keys()]);
  for (const [path, text] of one) assert.ok(text === two.get(path), path);
});

build("--no-images draws no share image or chart PNG, and no page names one", () => {
  const output = join(work, "no-images");
  const result = runBuild(["--output", output, "--no-search", "--no-images"], {
    EXPLAINERS_IMAGE_CACHE: join(work, "image-cache"),
  });
  assert.is(result.status, 0, result.stderr);
  assert.match(result.stdout, "Share images and chart PNGs were skipped (--no-images).");
  const files = filesUnder(output);
  const pictures = [...files.keys()].filter((path) => path.endsWith(".png"));
  assert.ok(
    pictures.every((path) => path.startsWith("/assets/icon-")),
    pictures.join(", "),
  );
  for (const [path, text] of files)
    if (path.endsWith(".html")) assert.not.match(text, /share\.png|comparison\.png/, path);
  assert.ok(files.has("/organisations/oxfordshire/2024-standard-inspection/comparison.svg"));
});

build.run();
