/**
 * Share images never draw a character as an empty box (issue 27: Arabic, emoji and other
 * scripts did). The characters the fonts in fonts/ can draw are read from their character
 * maps, the same set fontconfig reads (checked when fc-query is installed); a share image
 * whose words hold another is the site's own image instead, and the site's image leaves
 * such characters out, each with a warning naming the file and the characters.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import { drawableImages } from "../../src/eleventy/sharing-plugin.ts";
import { fontCoverage, mappedCharacters, svgText, svgWithout, undrawable } from "../../src/images/font-coverage.ts";
import { FONT_FILES } from "../../src/images/rasterise.ts";
import type { Inspection } from "../../src/model/types.ts";
import { paletteFromCss } from "../../src/render/palette.ts";
import { sharingImages } from "../../src/render/sharing-files.ts";
import { shareImageUrl, siteImageUrl } from "../../src/render/urls.ts";
import { projectRoot } from "../fixtures/content.ts";

const coverage = suite("share images: no character drawn as an empty box");
const fonts = join(projectRoot, "fonts");
const covers = fontCoverage(fonts);

coverage("the fonts' characters are read from their character maps, as fontconfig reads them", () => {
  for (const character of ["A", "é", "ŵ", "Ж", "Ω", "–", "’", "£"])
    assert.ok(covers(character.codePointAt(0)!), `draws ${character}`);
  for (const character of ["ب", "中", "👍", "अ", "ก"])
    assert.not.ok(covers(character.codePointAt(0)!), `cannot draw ${character}`);
  for (const { file } of FONT_FILES) {
    const query = spawnSync("fc-query", ["--format", "%{charset}", join(fonts, file)], { encoding: "utf8" });
    if (query.error || query.status !== 0) {
      console.log("  fc-query is not installed: the character map is checked against known characters only");
      return;
    }
    const expected = new Set<number>();
    for (const range of query.stdout.trim().split(/\s+/)) {
      const [from, to] = range.split("-").map((hex) => parseInt(hex, 16));
      for (let code = from!; code <= (to ?? from)!; code++) expected.add(code);
    }
    const read = mappedCharacters(readFileSync(join(fonts, file)));
    assert.is(read.size, expected.size, file);
    assert.equal(
      [...read].filter((code) => !expected.has(code)),
      [],
      file,
    );
  }
});

function input(inspections: Inspection[], title = "Inspection explainers") {
  return {
    inspections,
    site: { title, description: "What inspections found", url: "https://example.org", pathPrefix: "/", language: "en" },
    palette: paletteFromCss(readFileSync(join(projectRoot, "layouts/assets/site.css"), "utf8")),
    iconSvg: readFileSync(join(projectRoot, "layouts/assets/icon.svg"), "utf8"),
    images: true,
  };
}

function sample(): Inspection[] {
  const { model } = checkContent(projectRoot);
  if (!model) throw new Error("The sample content has problems: run npm run check.");
  return model.inspections.slice(0, 2);
}

/** An inspection as if its organisation's name were written in another script. */
const renamed = (inspection: Inspection, name: string): Inspection => ({
  ...inspection,
  organisation: { ...inspection.organisation, name },
});

coverage(
  "a share image with characters the fonts lack is the site's image, with a warning naming the file and them",
  () => {
    const [latin, other] = sample();
    const arabic = renamed(other!, "مجلس مدينة 👍 Council");
    const warnings: string[] = [];
    const planned = [...sharingImages(input([latin!, arabic]))];
    const drawn = [...drawableImages(planned, covers, (message) => warnings.push(message))];
    const byUrl = new Map(drawn.map((image) => [image.url, image]));
    const siteJob = byUrl.get(siteImageUrl())!.job;
    assert.equal(byUrl.get(shareImageUrl(arabic))!.job, siteJob, "the site's own image instead");
    assert.equal(
      byUrl.get(shareImageUrl(latin!))!.job,
      planned.find((image) => image.url === shareImageUrl(latin!))!.job,
      "an image the fonts can draw is drawn as it was",
    );
    assert.is(warnings.length, 1);
    assert.match(warnings[0]!, arabic.sourcePath);
    assert.match(warnings[0]!, '"م" (U+0645)');
    assert.match(warnings[0]!, '"👍" (U+1F44D)');
    assert.match(warnings[0]!, "It shows the site's own image instead.");
    for (const image of drawn)
      if (image.job.kind === "tree") assert.equal(undrawable([image.job.tree], covers), [], image.what);
  },
);

coverage("the site's own image leaves out what the fonts lack, and says so, naming site.yaml", () => {
  const warnings: string[] = [];
  const drawn = [
    ...drawableImages(sharingImages(input(sample(), "Explainers 中文 ✅")), covers, (m) => warnings.push(m)),
  ];
  const site = drawn.find((image) => image.url === siteImageUrl())!;
  assert.ok(site.job.kind === "tree");
  assert.equal(undrawable([site.job.tree], covers), []);
  assert.match(JSON.stringify(site.job.tree), "Explainers");
  assert.match(
    warnings[0]!,
    /^Warning: site\.yaml: the site's share image would draw "中" \(U\+4E2D\), "文" \(U\+6587\), "✅" \(U\+2705\) as empty boxes/,
  );
  assert.match(warnings[0]!, "They are left out of it.");
});

coverage("a chart's PNG leaves out what the fonts lack, and says so; its text is read as the SVG writes it", () => {
  const svg = '<svg><text x="8" y="20">Care &amp; leavers &#39;ب&#39;</text><text>中 Good</text></svg>';
  assert.is(svgText(svg), "Care   leavers 'ب' 中 Good");
  const warnings: string[] = [];
  const [drawn] = [
    ...drawableImages(
      [
        {
          url: "/x/comparison.png",
          job: { kind: "svg", svg, width: 640 },
          what: "The comparison chart of /x/",
          source: "content/inspections/x/2024-y.md",
        },
      ],
      covers,
      (message) => warnings.push(message),
    ),
  ];
  assert.ok(drawn!.job.kind === "svg");
  assert.is(drawn!.job.svg, svgWithout(svg, new Set(["ب", "中"])));
  assert.is(drawn!.job.svg, '<svg><text x="8" y="20">Care &amp; leavers &#39;&#39;</text><text> Good</text></svg>');
  assert.match(
    warnings[0]!,
    /^Warning: content\/inspections\/x\/2024-y\.md: the comparison chart of \/x\/ would draw "ب" \(U\+0628\), "中" \(U\+4E2D\)/,
  );
});

coverage.run();
