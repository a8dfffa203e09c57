/**
 * The grade meter is drawn once per page: each chip uses a symbol by id, and the page
 * shell puts the symbols the page uses in the page, each once (src/render/grade.ts).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Scale } from "../../src/model/types.ts";
import { gradeChip, meterSymbols } from "../../src/render/grade.ts";
import { pageShell } from "../../src/render/page-shell.ts";
import { modelOf, sampleContent } from "../fixtures/content.ts";

const test = suite("render: the grade meter");

const model = modelOf(sampleContent());
const scales = [...new Set(model.inspections.map((inspection) => inspection.framework.scale))];
const four = scales.find((scale) => scale.grades.length === 4)!;
const five = scales.find((scale) => scale.grades.length === 5)!;
const grade = (scale: Scale, rank: number) => scale.grades[rank]!;

const site = {
  title: "Inspections",
  description: "What inspectors found",
  url: "https://example.org",
  pathPrefix: "/",
  language: "en-GB",
  licence: "Text under OGL",
  publisher: "A newsroom",
};

test("a chip uses the symbol of its scale's size and its grade's bars, hidden from screen readers", () => {
  const best = gradeChip(grade(four, 0), four, { full: true }).toString();
  assert.match(best, '<svg class="grade-meter" aria-hidden="true" width="20" height="13"><use href="#gm-4-4"/></svg>');
  assert.match(best, four.grades[0]!.label);
  assert.match(gradeChip(grade(five, 4), five).toString(), '<use href="#gm-5-1"/>');
  assert.match(gradeChip(grade(four, 2), four).toString(), '<use href="#gm-4-2"/>');
  // Not judged and unknown are told in words, never as a place on the scale.
  assert.not.match(gradeChip({ kind: "unknown", label: "Not known" } as never, four).toString(), "<svg");
});

test("the symbols a page uses, each once, with as many bars as the scale and the grade's filled", () => {
  const markup = [grade(four, 1), grade(four, 1), grade(five, 0), grade(four, 3)]
    .map((outcome, index) => gradeChip(outcome, index === 2 ? five : four).toString())
    .join("");
  const symbols = meterSymbols(markup);
  const ids = [...symbols.matchAll(/<symbol id="([^"]+)"/g)].map((match) => match[1]);
  assert.equal(ids, ["gm-4-3", "gm-5-5", "gm-4-1"]);
  assert.ok(symbols.startsWith('<svg class="symbols" width="0" height="0" aria-hidden="true">'));
  const symbol = (id: string) => symbols.match(new RegExp(`<symbol id="${id}"[^>]*>(.*?)</symbol>`))![1]!;
  const bars = (path: string) => (path.match(/z/g) ?? []).length;
  const [filled, outline] = [...symbol("gm-4-3").matchAll(/<path d="([^"]+)" fill="([^"]+)"/g)];
  assert.is(bars(filled![1]!), 3);
  assert.is(filled![2], "currentColor");
  assert.is(bars(outline![1]!), 4);
  assert.match(symbol("gm-4-3"), 'stroke="currentColor"');
  assert.match(symbols, '<symbol id="gm-5-5" viewBox="0 0 25 13">');
  assert.is(meterSymbols("<p>No grade here</p>"), "");
});

test("the page shell draws the symbols its content uses, and none on a page without grades", () => {
  const content = `<p>${gradeChip(grade(four, 1), four).toString()}</p>`;
  const page = pageShell({ site, url: "/x/", title: "X", content });
  assert.match(page, `<body>${meterSymbols(content)}\n<a class="skip-link"`);
  for (const [, id] of page.matchAll(/<use href="#([^"]+)"/g)) assert.match(page, `<symbol id="${id}"`);
  assert.not.match(pageShell({ site, url: "/y/", title: "Y", content: "<p>Text</p>" }), "<symbol");
});

test.run();
