/**
 * The live preview end to end: Eleventy's own command with `--serve`, as `npm start` runs
 * it, on a copy of the sample content. A broken file turns every page into the problems
 * page and fixing it brings the site back, with the same server process throughout.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isPageRequest, problemsMiddleware } from "../../src/preview/live-preview-plugin.ts";
import { readSite } from "../../src/site.ts";
import { problemsPage } from "../../src/preview/problem-page.ts";
import { browser, shareResources } from "../browser/support.ts";
import {
  getPage,
  servedAt,
  startPreview,
  stopPreview,
  until as waitFor,
  type PreviewServer,
} from "./preview-server.ts";
import { editFile, sampleCopy } from "./support.ts";

const preview = suite("npm start: the live preview");
shareResources(preview);

let folder = "";
let content = "";
let server: PreviewServer | undefined;
let origin = "";
const output = () => server?.output() ?? "";

const until = <T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T> =>
  waitFor(() => server, what, seconds, probe);

/** A page as a browser navigating to it asks for it (the problems page answers those). */
const get = (path: string) =>
  getPage(`${origin}${path}`, { seconds: 10, headers: { "sec-fetch-mode": "navigate", accept: "text/html" } });

preview.before(async () => {
  ({ folder, content } = sampleCopy("preview"));
  server = startPreview(join(folder, "site"), { EXPLAINERS_CONTENT: content }, ["--quiet"]);
  try {
    origin = await until("the server to start", 120, async () => servedAt(output()));
  } catch (error) {
    await stopPreview(server.child);
    throw error;
  }
});

preview.after(async () => {
  await stopPreview(server?.child);
  rmSync(folder, { recursive: true, force: true });
});

const explainer = "/organisations/oxfordshire/2024-standard-inspection/";

preview(
  "a broken file shows the problems page at every address; fixing it brings the site back, without a restart",
  async () => {
    const pid = server!.child.pid;
    const real = await until("the explainer page", 60, async () => {
      const page = await get(explainer);
      return page.status === 200 && page.body.includes("<h1>Ofsted standard inspection, 2024</h1>") ? page : undefined;
    });
    assert.ok(real);

    const file = join(content, "inspections/oxfordshire/2024-standard-inspection.md");
    editFile(file, "help-and-protection: good", "help-and-protection: <em>goood</em>");
    const broken = await until("the problems page", 60, async () => {
      const page = await get(explainer);
      return page.status === 500 ? page : undefined;
    });
    assert.match(broken.body, "<h1>The content has 1 problem in 1 file</h1>");
    assert.match(broken.body, "content/inspections/oxfordshire/2024-standard-inspection.md</code></h2>");
    assert.match(
      broken.body,
      "Line 17, column 3</span> <code>judgements.help-and-protection</code>: &#39;&lt;em&gt;goood&lt;/em&gt;&#39; is not a grade on the Ofsted four-point scale.",
    );
    assert.not.match(broken.body, "<em>goood");
    // Live reload is still wired in, so the fix shows without the editor reloading.
    assert.match(broken.body, '<script type="module"');
    for (const path of ["/", "/organisations/", "/frameworks/ofsted-ilacs-2023/", "/no-such-page/"]) {
      const page = await get(path);
      assert.equal([page.status, page.body.includes("The content has 1 problem")], [500, true], path);
    }
    // The rebuild may still be copying assets, and the terminal report may still be on its
    // way, when the problems page first answers: wait for each, with a deadline.
    await until("the stylesheet to be served", 30, async () =>
      (await get("/assets/site.css")).status === 200 ? true : undefined,
    );
    await until(
      "the terminal report",
      30,
      async () =>
        /17:3 {2}judgements\.help-and-protection: '<em>goood<\/em>' is not a grade/.test(output()) || undefined,
    );

    editFile(file, "help-and-protection: <em>goood</em>", "help-and-protection: good");
    const fixed = await until("the explainer to come back", 60, async () => {
      const page = await get(explainer);
      return page.status === 200 ? page : undefined;
    });
    assert.match(fixed.body, "<h1>Ofsted standard inspection, 2024</h1>");
    await until(
      "the terminal to say the content is sound again",
      30,
      async () => output().includes("The content has no problems now") || undefined,
    );
    assert.is(server!.child.exitCode, null);
    assert.is(server!.child.pid, pid);
  },
);

/** What the preview's search page lists for a query, once Pagefind has answered. */
async function searchPreview(query: string): Promise<string[]> {
  const context = await (await browser()).newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(
      () => /result|No results/.test(document.querySelector("[data-search-status]")?.textContent ?? ""),
      undefined,
      { timeout: 15_000 },
    );
    return await page.$$eval("[data-search-results] a", (links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
  } finally {
    await context.close();
  }
}

preview("the preview's search page finds its pages, and follows a change to the content", async () => {
  const found = await until("search results for Oxfordshire", 60, async () => {
    const links = await searchPreview("Oxfordshire");
    return links.length > 0 ? links : undefined;
  });
  assert.ok(found.includes("/organisations/oxfordshire/"), found.join(", "));
  const file = join(content, "inspections/oxfordshire/2024-standard-inspection.md");
  const indexed = () => output().split("Search: indexed").length;
  const before = indexed();
  editFile(file, "Good in every area, including", "Good in every area of Zanzibarshire, including");
  // The terminal says when the index of the rebuilt preview is written.
  await until("the preview to be indexed again", 60, async () => (indexed() > before ? true : undefined));
  assert.equal(await searchPreview("Zanzibarshire"), [explainer]);
});

preview("the problems page escapes everything from content", () => {
  const page = problemsPage(
    [
      {
        file: "content/x<y>.md",
        line: 2,
        column: 7,
        field: "title",
        found: '"<script>"',
        message: "should be <b>text</b> & more.",
        fix: "Write <i>text</i>.",
      },
    ],
    () => ["---", 'title: "<script>alert(1)</script>"'],
  );
  assert.not.match(page, "<script");
  assert.not.match(page, "<b>");
  assert.match(page, "content/x&lt;y&gt;.md");
  assert.match(page, "title: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;");
  assert.match(page, "should be &lt;b&gt;text&lt;/b&gt; &amp; more. (found &quot;&lt;script&gt;&quot;)");
  assert.match(page, "<strong>To fix:</strong> Write &lt;i&gt;text&lt;/i&gt;.");
});

preview("a broken site.yaml is shown as the problems page too, not a stack trace and the stale site", () => {
  const { folder: project } = sampleCopy("preview-settings");
  try {
    writeFileSync(join(project, "site.yaml"), "title: Explainers\nurl: not a web address\n");
    const site = readSite(project, "content", {});
    assert.equal(
      site.problems.map((problem) => `${problem.file} ${problem.field}`),
      ["site.yaml description", "site.yaml licence", "site.yaml publisher", "site.yaml url"],
    );
    assert.is(site.model.inspections.length, 0, "nothing of the site is shown while site.yaml has problems");
    let body = "";
    const response = {
      statusCode: 0,
      setHeader: () => undefined,
      end: (text: string) => (body = text),
    };
    problemsMiddleware(() => site)({ method: "GET", url: "/" } as never, response as never, () => assert.unreachable());
    assert.is(response.statusCode, 500);
    assert.match(body, "<h2><code>site.yaml</code></h2>");
    assert.match(body, "should be a web address starting with https:// or http://");
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

preview("only page requests get the problems page; stylesheets and images still load", () => {
  for (const url of ["/", "/organisations/oxfordshire/", "/index.html", "/organisations", "/?q=1"])
    assert.ok(isPageRequest({ method: "GET", url }), url);
  for (const url of ["/assets/site.css", "/data/parts.json", "/favicon.ico"])
    assert.not.ok(isPageRequest({ method: "GET", url }), url);
  assert.not.ok(isPageRequest({ method: "POST", url: "/" }));
});

preview.run();
