/**
 * Hostile content (test/fixtures/hostile): every free-text field and Markdown body holds
 * script payloads. The check refuses the raw HTML in its Markdown, line by line (issue 26:
 * pages would show it as text), and nothing else; rendered anyway, as a site whose check
 * were bypassed would, that Markdown is inert. Without those lines the build accepts it (the
 * texts are allowed) and writes inert HTML: payloads appear as text, never as markup, and
 * in Chromium nothing runs on any page.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { checkContent } from "../../src/content/index.ts";
import { markdownFor } from "../../src/render/markdown.ts";
import { projectRoot } from "../fixtures/content.ts";
import type { Dialog } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { activeMarkup } from "./inert.ts";
import {
  browser,
  builtSite,
  fail,
  filesUnder,
  servedSite,
  shareResources,
  successfulBuild,
  urlPathOf,
} from "./support.ts";

const FIXTURE = "test/fixtures/hostile";
const EXPLAINER = "organisations/hostile-council/2019-short-inspection/index.html";
const hostile = suite("browser: hostile content builds to inert HTML");
shareResources(hostile);

/** What the check says of the fixture: its raw HTML in Markdown, each line. */
const refused = checkContent(projectRoot, FIXTURE).problems;

/** A copy of the fixture with each line the check refuses left blank: the content that builds. */
function withoutRefusedLines(): string {
  const copy = join(mkdtempSync(join(tmpdir(), "explainers-hostile-")), "content");
  cpSync(join(projectRoot, FIXTURE), copy, { recursive: true });
  for (const problem of refused) {
    const path = join(copy, problem.file.slice(FIXTURE.length + 1));
    const lines = readFileSync(path, "utf8").split("\n");
    lines[problem.line - 1] = "";
    writeFileSync(path, lines.join("\n"));
  }
  return copy;
}
const CONTENT = withoutRefusedLines();
hostile.after(() => rmSync(join(CONTENT, ".."), { recursive: true, force: true }));

function builtPages(dir: string): string[] {
  return filesUnder(dir).filter((file) => [".html", ".htm", ".xml", ".svg"].includes(extname(file)));
}

// ---------------------------------------------------------------------------------------
// The tests

hostile("the check refuses the fixture's raw HTML in Markdown, each line in each file, and nothing else", () => {
  const files = new Set(refused.map((problem) => problem.file));
  assert.ok(files.size >= 8, `raw HTML in every Markdown body of the fixture; found in ${[...files].join(", ")}`);
  for (const problem of refused) {
    assert.is(problem.field, "body", `${problem.file}:${problem.line}: ${problem.message}`);
    assert.match(problem.message, /^(Raw HTML|An HTML comment) is not allowed in the Markdown here/);
  }
  assert.ok(refused.some((problem) => problem.found?.includes("<iframe src=")));
});

hostile(
  "rendered anyway (a site whose check were bypassed), the fixture's Markdown is inert, its raw HTML text",
  () => {
    const md = markdownFor({ allowHtmlInMarkdown: false });
    for (const file of new Set(refused.map((problem) => problem.file))) {
      const body = readFileSync(join(projectRoot, file), "utf8").split(/^---$/m).slice(2).join("---");
      const markup = md.render(body);
      assert.equal(activeMarkup(markup), [], `${file} rendered`);
      assert.match(markup, "&lt;iframe src=", `${file}: the iframe as text`);
    }
  },
);

hostile("the hostile fixture, without the lines the check refuses, passes the content checks and builds", async () => {
  const site = await builtSite(CONTENT);
  assert.is(site.status, 0, `The build of ${CONTENT} failed:\n${site.stderr}${site.stdout}`);
  const pages = builtPages(site.dir);
  for (const page of [
    EXPLAINER,
    "organisations/hostile-council/index.html",
    "organisations/hostile-council/2024-standard-inspection/index.html",
    "organisations/hostile-council/2021-focused-visit/index.html",
    "frameworks/hostile-framework-2023/index.html",
  ]) {
    assert.ok(pages.includes(page), `${page} should be built`);
  }
});

hostile("no built page holds a script, an event handler or a javascript: URL as markup", async () => {
  const site = await successfulBuild(CONTENT);
  const problems = builtPages(site.dir).flatMap((file) =>
    activeMarkup(readFileSync(join(site.dir, file), "utf8")).map((problem) => `  ${file}: ${problem}`),
  );
  if (problems.length) fail(`Content became markup:\n${problems.join("\n")}`);
});

hostile("the payloads are there, escaped, as text", async () => {
  const site = await successfulBuild(CONTENT);
  const markup = readFileSync(join(site.dir, EXPLAINER), "utf8");
  for (const escaped of [
    "Summary 2019 &lt;script&gt;window.__pwned=1&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt; &#39;&gt;&lt;svg onload=alert(1)&gt;",
    "Quote by &lt;script&gt;",
    "Figure label &lt;script&gt;",
  ]) {
    assert.ok(markup.includes(escaped), `${EXPLAINER} should show ${escaped}`);
  }
});

hostile("in Chromium no page runs a payload or opens a dialog", async () => {
  const site = await servedSite(CONTENT);
  const context = await (await browser()).newContext();
  const problems: string[] = [];
  const queue = builtPages(site.dir).filter((name) => name.endsWith(".html"));
  // Two tabs share the pages, to keep the run short.
  const visitor = async (): Promise<void> => {
    const page = await context.newPage();
    let path = "";
    page.on("dialog", (dialog: Dialog) => {
      problems.push(`${path}: a ${dialog.type()} dialog opened: ${JSON.stringify(dialog.message())}`);
      void dialog.dismiss().catch(() => undefined);
    });
    for (let file = queue.shift(); file; file = queue.shift()) {
      path = urlPathOf(file);
      const response = await page.goto(site.url(path), { waitUntil: "load" });
      if (!response?.ok()) {
        problems.push(`${path}: answered ${response?.status()}`);
        continue;
      }
      // Give handlers that fire after load (toggle, failed images) a moment to run.
      const state = await page.evaluate(async () => {
        await new Promise((settled) => setTimeout(settled, 20));
        const active: string[] = [];
        for (const element of Array.from(document.querySelectorAll("*"))) {
          for (const attribute of Array.from(element.attributes)) {
            const value = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
            if (attribute.name.startsWith("on")) active.push(`<${element.localName} ${attribute.name}>`);
            else if (value.startsWith("javascript:") || value.startsWith("vbscript:"))
              active.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
          }
          if (["iframe", "object", "embed"].includes(element.localName)) active.push(`<${element.localName}>`);
        }
        // JSON-LD (organisation pages) is a data block that never runs.
        const inline = Array.from(document.scripts).filter(
          (script) => !script.src && script.type !== "application/ld+json",
        ).length;
        return { pwned: (window as unknown as { __pwned?: unknown }).__pwned, active, inline };
      });
      if (state.pwned !== undefined)
        problems.push(`${path}: a payload ran (window.__pwned = ${JSON.stringify(state.pwned)})`);
      if (state.inline) problems.push(`${path}: ${state.inline} inline <script> element(s) in the DOM`);
      if (state.active.length) problems.push(`${path}: active markup in the DOM: ${state.active.join(", ")}`);
    }
  };
  try {
    await Promise.all([visitor(), visitor()]);
    const page = await context.newPage();
    await page.goto(site.url(urlPathOf(EXPLAINER)));
    const text = await page.innerText("main");
    assert.ok(
      text.includes(
        `<script>window.__pwned=1</script> "><img src=x onerror="window.__pwned=2"> '><svg onload=alert(1)>`,
      ),
      "the summary payload should read as text",
    );
    assert.ok(text.includes("[click](javascript:window.__pwned=3)"), "a javascript: link in Markdown should stay text");
  } finally {
    await context.close();
  }
  if (problems.length) fail(`Hostile content was active in Chromium:\n  ${problems.join("\n  ")}`);
});

hostile.run();
