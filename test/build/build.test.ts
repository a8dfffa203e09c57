import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { minifyHtml } from "../../src/publishing/minify-html.ts";
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

/** The id of a process that has ended. */
function endedProcessId(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

build("builds an explainer for every sample inspection and a page for every organisation", () => {
  const output = join(work, "site");
  // Working folders of a build that was killed, and of one still running (this process).
  const ended = endedProcessId();
  for (const name of [`.site-build-${ended}`, `.site-old-${ended}`, `.site-build-${process.pid}`]) {
    mkdirSync(join(work, name, "assets"), { recursive: true });
    writeFileSync(join(work, name, "index.html"), "half a site");
  }
  const result = runBuild(["--output", output]);
  assert.is(result.status, 0, result.stderr);
  assert.equal(
    readdirSync(work).filter((name) => name.startsWith(".site-")),
    [`.site-build-${process.pid}`],
    "the killed build's folders are removed; a running build's is left alone",
  );
  rmSync(join(work, `.site-build-${process.pid}`), { recursive: true });
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
    /<p class="comparison-note">[^<]*no way to translate one into the other\.<\/p>\s*<div class="table-scroll"/,
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

build("every HTML page is written minified: Eleventy's own, the model's and the embed pages", () => {
  const pages = [...filesUnder(join(work, "first"))].filter(([path]) => path.endsWith(".html"));
  for (const path of ["/index.html", "/national/index.html", "/404.html", "/organisations/oxfordshire/index.html"])
    assert.ok(
      pages.some(([page]) => page === path),
      path,
    );
  assert.ok(pages.some(([path]) => path.startsWith("/embed/")));
  for (const [path, text] of pages) assert.is(minifyHtml(text), text, `${path} is not minified`);
  // Minifying is what it saved: no line of a page is a tag alone on its line after a block's end.
  const home = pages.find(([path]) => path === "/index.html")![1];
  assert.not.match(home, /<\/li>\n<li>|<\/p>\n<p>|<head>\n/);
});

build(
  "every page draws each grade meter and chart axes it uses once, and every <use> finds its drawing on the page",
  () => {
    const pages = [...filesUnder(join(work, "first"))].filter(([path]) => path.endsWith(".html"));
    let uses = 0;
    for (const [path, text] of pages) {
      const ids = [...text.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!);
      assert.is(new Set(ids).size, ids.length, `${path} has an id twice`);
      for (const [, id] of text.matchAll(/<use href="#([^"]+)"/g)) {
        uses++;
        assert.ok(ids.includes(id!), `${path} uses #${id}, which it does not draw`);
      }
      for (const [, id] of text.matchAll(/<symbol id="([^"]+)"/g))
        assert.match(text, `<use href="#${id}"`, `${path} draws #${id} and never uses it`);
    }
    assert.ok(uses > 100, `${uses} meters and axes used in the sample site`);
  },
);

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

build("refuses to replace a site with one of no inspections, unless told --allow-empty", () => {
  const output = join(work, "site");
  const before = filesUnder(output);
  const content = join(work, "empty-content");
  cpSync(join(projectRoot, "content"), content, { recursive: true });
  rmSync(join(content, "inspections"), { recursive: true });
  rmSync(join(content, "events"), { recursive: true });
  const refused = runBuild(["--output", output, "--content", content, "--no-search"]);
  assert.is(refused.status, 2);
  assert.match(refused.stderr, "holds no inspections, so the site would have none.");
  assert.match(refused.stderr, "--allow-empty");
  assert.equal(filesUnder(output), before);
  const empty = join(work, "empty-site");
  const allowed = runBuild(["--output", empty, "--content", content, "--no-search", "--allow-empty"]);
  assert.is(allowed.status, 0, allowed.stderr);
  assert.ok(statSync(join(empty, "index.html")).isFile());
});

build("refuses an --output that would delete the content, the project or other files", () => {
  const content = join(work, "content-kept");
  cpSync(join(projectRoot, "content"), content, { recursive: true });
  const before = filesUnder(content);
  for (const [output, says] of [
    [content, "is, holds or is inside the content folder"],
    [join(content, "site"), "is, holds or is inside the content folder"],
    [projectRoot, "holds the project itself"],
    [join(projectRoot, "src"), "holds files but no built site"],
    [join(projectRoot, "package.json"), "it is a file"],
  ] as const) {
    const result = runBuild(["--output", output, "--content", content, "--no-search"]);
    assert.is(result.status, 2, output);
    assert.match(result.stderr, says);
  }
  assert.equal(filesUnder(content), before);
});

build.run();
