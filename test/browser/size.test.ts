/**
 * Page weight (docs/domain.md, "What every page keeps to"): an explainer page's HTML plus the stylesheet
 * is at most 14 KB gzipped, so it arrives in the first round trips on a slow phone. Prints
 * the gzipped sizes of every page type, for the closing note of a change.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { PAGE_TYPES } from "./page-types.ts";
import { fail, filesUnder, shareResources, successfulBuild, urlPathOf } from "./support.ts";

const BUDGET = 14 * 1024;
const EXPLAINER = /^organisations\/[^/]+\/[^/]+\/index\.html$/;
const STYLESHEET = "assets/site.css";

const weight = suite("browser: page weight");
shareResources(weight);

const gzipped = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

weight(`every explainer page's HTML plus its CSS is at most ${BUDGET / 1024} KB gzipped`, async () => {
  const site = await successfulBuild();
  const files = filesUnder(site.dir);
  assert.ok(files.includes(STYLESHEET), `the build should write ${STYLESHEET}`);
  const css = gzipped(readFileSync(join(site.dir, STYLESHEET)));
  const explainers = files.filter((file) => EXPLAINER.test(file));
  assert.ok(explainers.length > 0, "the sample site should have explainer pages");

  // Every page type, then every other explainer page.
  const named = new Map(PAGE_TYPES.map((pageType) => [pageType.path, pageType.name]));
  const rows = [
    ...PAGE_TYPES.map((pageType) => pageType.path),
    ...explainers.map(urlPathOf).filter((path) => !named.has(path)),
  ].map((path) => {
    const file = join(site.dir, path.slice(1), "index.html");
    const html = readFileSync(file);
    const htmlGz = gzipped(html);
    const explainer = EXPLAINER.test(`${path.slice(1)}index.html`);
    return { name: named.get(path) ?? "explainer", path, html: html.length, htmlGz, total: htmlGz + css, explainer };
  });

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const table = [
    ["page type", "path", "HTML", "HTML gz", "CSS gz", "total gz", "budget"],
    ...rows.map((row) => [
      row.name,
      row.path,
      kb(row.html),
      kb(row.htmlGz),
      kb(css),
      kb(row.total),
      row.explainer ? (row.total <= BUDGET ? "ok" : "OVER") : "-",
    ]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
  const lines = table.map((cells) =>
    cells
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  "),
  );
  console.log(`\n\n  Gzipped sizes (gzip -9), budget ${BUDGET / 1024} KB for explainers:\n  ${lines.join("\n  ")}\n`);

  const over = rows.filter((row) => row.explainer && row.total > BUDGET);
  if (over.length)
    fail(
      `Over the ${BUDGET / 1024} KB budget:\n${over.map((row) => `  ${row.path}: ${kb(row.htmlGz)} HTML + ${kb(css)} CSS = ${kb(row.total)}`).join("\n")}`,
    );
});

weight.run();
