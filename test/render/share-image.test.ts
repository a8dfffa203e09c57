/**
 * The share images as descriptions (what is drawn is data: src/render/share-image.ts):
 * what each kind of inspection's image shows, in which colours, and its alt text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import type { SiteModel } from "../../src/model/build-model.ts";
import type { Inspection } from "../../src/model/types.ts";
import type { ImageChild, ImageNode } from "../../src/render/image-tree.ts";
import { paletteFromCss } from "../../src/render/palette.ts";
import { inspectionShareImage, shareImageAlt, siteImageAlt, siteShareImage } from "../../src/render/share-image.ts";
import { findInspection, projectRoot } from "../fixtures/content.ts";

const test = suite("render: share images");
const checked = checkContent(projectRoot);
function model(): SiteModel {
  if (!checked.model) throw new Error("The sample content has problems: run npm run check.");
  return checked.model;
}
const palette = paletteFromCss(readFileSync(join(projectRoot, "layouts/assets/site.css"), "utf8"));
const site = { title: "Inspection explainers", address: "example.org/explainers" };

/** The text of a tree, box by box, in reading order. */
function texts(node: ImageChild): string[] {
  return typeof node === "string" ? [node] : node.props.children.flatMap(texts);
}

function boxes(node: ImageChild): ImageNode[] {
  return typeof node === "string" ? [] : [node, ...node.props.children.flatMap(boxes)];
}

/** True when `wanted` appears in `list` one after another. */
function inOrder(list: string[], wanted: string[]): boolean {
  return list.some((_, start) => wanted.every((item, offset) => list[start + offset] === item));
}

const imageOf = (id: string) => inspectionShareImage(findInspection(model(), id), site, palette);

test("the 2024 image shows the organisation, the inspection, and each area before and after", () => {
  const shown = texts(imageOf("oxfordshire/2024-standard-inspection"));
  for (const text of ["Inspection explainers", "Oxfordshire County Council", "Ofsted standard inspection, 2024"])
    assert.ok(shown.includes(text), text);
  assert.ok(inOrder(shown, ["Area", "2018", "", "2024"]), shown.join(" | "));
  assert.ok(inOrder(shown, ["Help and protection", "Requires improvement", "▲", "Good"]), shown.join(" | "));
  assert.ok(inOrder(shown, ["Overall effectiveness", "Good", "=", "Good"]));
  assert.ok(inOrder(shown, ["Visit 12 to 23 February 2024. Report published 9 April 2024.", "example.org/explainers"]));
});

test("an area split since last time shows the old grade as part of one judgement, in the picture and in words", () => {
  const shown = texts(imageOf("oxfordshire/2024-standard-inspection"));
  assert.ok(inOrder(shown, ["Care leavers", "Good", "as part of one judgement", "=", "Good"]), shown.join(" | "));
  assert.match(
    shareImageAlt(findInspection(model(), "oxfordshire/2024-standard-inspection")),
    "care leavers: good in 2018 as part of children in care and care leavers, good in 2024",
  );
});

test("the alt text says the comparison in words, with the dates the grades are as at", () => {
  assert.is(
    shareImageAlt(findInspection(model(), "oxfordshire/2024-standard-inspection")),
    "Oxfordshire County Council: Ofsted standard inspection, 2024. " +
      "Good in all five areas, up from 'requires improvement' for help and protection in 2018. " +
      "Area by area: overall effectiveness: good in 2018 and 2024; impact of leaders: good in 2018 and 2024; " +
      "help and protection: requires improvement in 2018, good in 2024; " +
      "children in care: good in 2018 as part of children in care and care leavers, good in 2024; " +
      "care leavers: good in 2018 as part of children in care and care leavers, good in 2024. " +
      "Visit 12 to 23 February 2024. Report published 9 April 2024.",
  );
  assert.match(
    shareImageAlt(findInspection(model(), "oxfordshire/2018-short-inspection")),
    "help and protection: good in 2014, requires improvement in 2018; children in care and care leavers: good for children looked after and good for care leavers in 2014, good in 2018 (not compared); adoption: good in 2014, no longer judged in 2018.",
  );
});

test("grades on scales that cannot be compared: no change marks, every area, and the reason", () => {
  const inspection = findInspection(model(), "wessex-police/2022-peel-inspection");
  const shown = texts(inspectionShareImage(inspection, site, palette));
  assert.ok(shown.includes("Not compared with 2019: the grades were on a different scale."));
  for (const mark of ["▲", "▼", "=", "2019"]) assert.not.ok(shown.includes(mark), mark);
  for (const judgement of inspection.judgements) {
    const label = judgement.area.short.charAt(0).toUpperCase() + judgement.area.short.slice(1);
    assert.ok(inOrder(shown, [label, judgement.outcome.short]), label);
  }
  assert.match(shareImageAlt(inspection), "Grades in 2022, not compared with 2019: service to victims: adequate;");
  assert.not.match(shareImageAlt(inspection), "up from");
});

test("an ungraded visit shows the sentence and the editors' summary, and no grades", () => {
  const inspection = findInspection(model(), "oxfordshire/2020-focused-visit");
  const shown = texts(inspectionShareImage(inspection, site, palette));
  assert.ok(shown.includes("A focused visit: inspectors report what they found but give no grades."));
  assert.ok(shown.includes(inspection.summary));
  assert.not.ok(shown.includes("Good"));
  assert.match(shareImageAlt(inspection), inspection.summary);
});

test("more areas than fit: as many as fit, and a line saying how many more are on the page", () => {
  const base = findInspection(model(), "oxfordshire/2024-standard-inspection");
  const rows = [...base.comparison!.rows, ...base.comparison!.rows, ...base.comparison!.rows];
  const inspection: Inspection = { ...base, comparison: { ...base.comparison!, rows } };
  const shown = texts(inspectionShareImage(inspection, site, palette));
  const more = shown.find((text) => /^and \d+ more areas on the page$/.test(text));
  assert.ok(more, shown.join(" | "));
  const drawn = shown.filter((text) => ["=", "▲", "▼", "–"].includes(text)).length;
  assert.is(drawn + Number(/\d+/.exec(more!)![0]), rows.length);
  assert.ok(drawn >= 4, `${drawn} rows drawn`);
});

test("grades are drawn in the site's colours, with their label and meter (never colour alone)", () => {
  const tree = imageOf("oxfordshire/2024-standard-inspection");
  const chips = boxes(tree).filter((node) => node.props.style.backgroundColor === palette.tones.good.bg);
  assert.ok(chips.length >= 9, `${chips.length} chips in good's colours`);
  for (const chip of chips) {
    assert.is(chip.props.style.color, palette.tones.good.fg);
    assert.ok(texts(chip).includes("Good"));
    // The meter: four bars (Ofsted's four-point scale), three filled.
    const bars = boxes(chip).filter((node) => node.props.style.width === 6);
    assert.is(bars.length, 4);
    assert.is(bars.filter((bar) => bar.props.style.backgroundColor === palette.tones.good.fg).length, 3);
  }
  assert.is(tree.props.style.backgroundColor, palette.bg);
  assert.is(tree.props.style.width, 1200);
  assert.is(tree.props.style.height, 630);
});

test("the site's image: its title, description and address", () => {
  const description = "What inspectors judged.";
  const shown = texts(siteShareImage({ ...site, description }, palette));
  assert.ok(inOrder(shown, ["Inspection explainers", description]));
  assert.ok(shown.includes("example.org/explainers"));
  assert.is(
    siteImageAlt({ title: "Inspection explainers", description }),
    "Inspection explainers: What inspectors judged.",
  );
});

test.run();
