/** Charts are markup like any other: every label from content is escaped, in text and attributes alike. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { axisLabel, chartSvg, textLines, wrapLabel } from "../../src/render/charts.ts";
import { html } from "../../src/render/html.ts";

const test = suite("render: charts");

test("a label with markup and quotes comes out as text", () => {
  const lines = textLines(['<b>children\'s</b> & "care"'], 10, 20, "end").toString();
  assert.is(
    lines,
    '<text x="10" y="20" text-anchor="end" dominant-baseline="middle">&lt;b&gt;children&#39;s&lt;/b&gt; &amp; &quot;care&quot;</text>',
  );
});

test("a chart's title and description are escaped; its body is what the chart drew", () => {
  const svg = chartSvg('a"b', 40, "<title>", "it's", html`<circle r="1"/>`).toString();
  assert.match(svg, 'aria-labelledby="a&quot;b-title a&quot;b-desc"');
  assert.match(svg, '<title id="a&quot;b-title">&lt;title&gt;</title>');
  assert.match(svg, '<desc id="a&quot;b-desc">it&#39;s</desc>');
  assert.match(svg, '\n<circle r="1"/>\n</svg>');
});

test("labels wrap at spaces", () => {
  assert.equal(wrapLabel("Requires improvement to be good", 12), ["Requires", "improvement", "to be good"]);
  // SVG text does not wrap: a word or a label too long for the lines is cut short (the table beside has it whole).
  assert.equal(wrapLabel(`Good${"x".repeat(300)}`, 12), ["Goodxxxxxxx…"]);
  assert.equal(wrapLabel("one two three four five six seven", 9), ["one two", "three", "four fiv…"]);
});

test("a six-point scale's labels fit their columns: long words split with a hyphen, two words on two lines", () => {
  assert.equal(axisLabel("Unsatisfactory", 8), ["Unsatis-", "factory"]);
  assert.equal(axisLabel("Very good", 8), ["Very", "good"]);
  assert.equal(axisLabel("Excellent", 8), ["Excellent"]);
  assert.equal(axisLabel("Requires improvement to be good", 12), ["Requires", "improvement", "to be good"]);
  for (const label of ["Unsatisfactory", "Very good", "Excellent", "Adequate", "Weak", "Good"])
    assert.ok(
      axisLabel(label, 8).every((line) => line.length <= 9),
      label,
    );
});

test.run();
