/**
 * The baseline: bare Eleventy (the same 3.1.7 the project uses) building the same
 * Markdown files with one minimal Nunjucks layout and no plugins. It reads and renders
 * every inspection and organisation file of the corpus; context events are left out
 * because Eleventy reads their `date: 2015-16` as its own page date and stops (in the
 * full build they are a line on an organisation's timeline, not pages).
 *
 * Markdown is not run through a template language first (`markdownTemplateEngine:
 * false`), as the project does not do either; Eleventy's default would run Liquid over
 * every body and make the baseline slower, and so the ratio flattering.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const BASELINE_CONFIG = `// Bare Eleventy for the benchmark: one layout, no plugins.
export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "page.njk");
  eleventyConfig.ignores.add("content/events/**");
}

export const config = {
  dir: { input: "content", includes: "../baseline/_includes" },
  templateFormats: ["md"],
  markdownTemplateEngine: false,
};
`;

export const BASELINE_LAYOUT = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title or name or organisation }}</title>
</head>
<body>
<main>
<p>{{ summary }}</p>
{{ content | safe }}
</main>
</body>
</html>
`;

/**
 * Writes `<work>/baseline/eleventy.config.mjs` and its layout. Eleventy is then run with
 * the working directory `<work>`, whose `content/` is the corpus.
 */
export function writeBaseline(work: string): string {
  mkdirSync(join(work, "baseline", "_includes"), { recursive: true });
  writeFileSync(join(work, "baseline", "eleventy.config.mjs"), BASELINE_CONFIG);
  writeFileSync(join(work, "baseline", "_includes", "page.njk"), BASELINE_LAYOUT);
  return join(work, "baseline", "eleventy.config.mjs");
}
