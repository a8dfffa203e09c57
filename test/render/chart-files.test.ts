/** The comparison chart as a file of its own, and the comparison's data as CSV. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import type { Inspection } from "../../src/model/types.ts";
import { comparisonChartSvg, comparisonCsv } from "../../src/render/chart-files.ts";
import { paletteFromCss } from "../../src/render/palette.ts";
import { findInspection, projectRoot } from "../fixtures/content.ts";

const test = suite("render: the comparison chart and its data as files");
const model = checkContent(projectRoot).model!;
const palette = paletteFromCss(readFileSync(join(projectRoot, "layouts/assets/site.css"), "utf8"));
const comparisonOf = (id: string) => findInspection(model, id).comparison!;

test("the chart file stands alone: its own namespace, title, colours as attributes, no classes or styles", () => {
  const svg = comparisonChartSvg(comparisonOf("oxfordshire/2024-standard-inspection"), palette, "example.org/x/")!;
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" viewBox="0 0 320 \d+"/);
  assert.match(
    svg,
    "<title>Oxfordshire County Council, Ofsted standard inspection, 2024: grades in 2018 and 2024, area by area</title>",
  );
  assert.match(svg, "<desc>Best grade on the right. overall effectiveness: Good, unchanged;");
  assert.not.match(svg, /class=|<style|style=/);
  assert.match(svg, `stroke="${palette.tones.best.fg}"`);
  assert.match(svg, `fill="${palette.bg}"`);
  // What a chart needs once it has left the page: how to read it, as at when, from where.
  assert.match(svg, ">Grades in 2018 and 2024, area by area</text>");
  assert.match(svg, "(small dot)");
  assert.match(svg, ">Grades as Ofsted published them on 9 April 2024.</text>");
  assert.match(svg, ">example.org/x/</text>");
});

test("text from content is escaped in the chart file", () => {
  const base = findInspection(model, "oxfordshire/2024-standard-inspection");
  const current: Inspection = {
    ...base,
    organisation: { ...base.organisation, name: 'Council <script>"&' },
  };
  const svg = comparisonChartSvg({ ...base.comparison!, current }, palette, "example.org/<x>")!;
  assert.not.match(svg, "<script>");
  assert.match(svg, "Council &lt;script&gt;&quot;&amp;");
  assert.match(svg, "example.org/&lt;x&gt;");
});

test("no chart file where the page draws no chart (grades on scales that cannot be compared)", () => {
  assert.is(comparisonChartSvg(comparisonOf("wessex-police/2022-peel-inspection"), palette, "x"), null);
});

test("the data: a row an area, as the table shows it, with positions on each scale", () => {
  assert.is(
    comparisonCsv(comparisonOf("oxfordshire/2024-standard-inspection")),
    [
      'Area,2018,2024,Change,Note,"2018 position (1 is best, of 4)","2024 position (1 is best, of 4)"',
      "Overall effectiveness,Good,Good,No change,,2,2",
      "The impact of leaders on social work practice with children and families,Good,Good,No change,,2,2",
      "The experiences and progress of children who need help and protection,Requires improvement to be good,Good,Improved,,3,2",
      `The experiences and progress of children in care,Good,Good,No change,"In 2018 this was part of one judgement, 'The experiences and progress of children in care and care leavers'; compared with that combined grade. Since January 2023 care leavers have had a judgement of their own.",2,2`,
      `The experiences and progress of care leavers,Good,Good,No change,"In 2018 this was part of one judgement, 'The experiences and progress of children in care and care leavers'; compared with that combined grade. Since January 2023 care leavers have had a judgement of their own.",2,2`,
      "",
    ].join("\r\n"),
  );
});

test("the data of areas no longer judged, and of grades that cannot be compared", () => {
  const removed = comparisonCsv(comparisonOf("oxfordshire/2018-short-inspection")).split("\r\n");
  assert.ok(
    removed.some((line) => /^Adoption performance,Good,No longer judged,Not compared,.*,2,$/.test(line)),
    removed.join("\n"),
  );
  const wessex = comparisonCsv(comparisonOf("wessex-police/2022-peel-inspection")).split("\r\n");
  assert.is(
    wessex[0],
    'Area,2019,2022,Change,Note,"2019 position (1 is best, of 4)","2022 position (1 is best, of 5)"',
  );
  assert.match(wessex[1]!, /^Providing a service to victims of crime,,Adequate,Not compared,.+,,3$/);
});

test.run();
