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

build.run();
