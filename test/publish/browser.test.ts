/**
 * Search and the Content-Security-Policy in Chromium, at the root and under a path prefix,
 * each built with its search index:
 *   - every page type, the 404 page and the search page (with a query typed and a filter
 *     chosen) load with the headers of the site's own `_headers` file, and nothing breaks
 *     the policy: no `securitypolicyviolation` event, no console error;
 *   - a control proves the policy is enforced: an inline script is refused;
 *   - search finds pages and links them under the prefix; the header's search box leads to
 *     the search page with JavaScript, and to the organisations A to Z without.
 * The test server is support.ts's; the headers are added by intercepting each response.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runBuild } from "../fixtures/build-site.ts";
import { PAGE_TYPES } from "../browser/page-types.ts";
import {
  axeScript,
  browser,
  describeViolations,
  fail,
  servedSite,
  serveFolder,
  shareResources,
  WCAG_TAGS,
  type AxeViolation,
} from "../browser/support.ts";
import { headersFor, parseHeadersFile, type ParsedRule } from "./headers.ts";

const PREFIX = "/explainers/";
/** Embed pages: a comparison, and a visit with nothing to compare. */
const EMBED_PATHS = ["/embed/oxfordshire/2024-standard-inspection/", "/embed/oxfordshire/2020-focused-visit/"];

interface TestSite {
  name: string;
  dir: string;
  /** "/" or the path prefix. */
  prefix: string;
  /** The absolute URL of a root-relative path on the site. */
  url(path: string): string;
  /** The rules of the site's own `_headers` file. */
  rules: ParsedRule[];
}

const search = suite("publishing: search and the Content-Security-Policy in Chromium");
shareResources(search);

let work = "";
let server: Server | undefined;
let sitesPromise: Promise<TestSite[]> | undefined;

search.after(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The sample site at the root (shared with the other browser suites) and built under the prefix, both with search. */
function testSites(): Promise<TestSite[]> {
  sitesPromise ??= (async () => {
    const root = await servedSite();
    work = mkdtempSync(join(tmpdir(), "explainers-search-"));
    const dir = join(work, PREFIX);
    const built = runBuild(["--output", dir, "--path-prefix", PREFIX]);
    if (built.status !== 0) throw new Error(`The build under ${PREFIX} failed:\n${built.stderr}`);
    server = await serveFolder(work);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const rulesOf = (folder: string) => parseHeadersFile(readFileSync(join(folder, "_headers"), "utf8"));
    return [
      { name: "root", dir: root.dir, prefix: "/", url: root.url, rules: rulesOf(root.dir) },
      {
        name: `prefix ${PREFIX}`,
        dir,
        prefix: PREFIX,
        url: (path: string) => origin + PREFIX.slice(0, -1) + path,
        rules: rulesOf(dir),
      },
    ];
  })();
  return sitesPromise;
}

type Window = { __csp: string[] };

/** A browser context that serves every response with the headers the site's `_headers` gives its address, and records policy violations. */
async function contextWithHeaders(
  chromium: Browser,
  site: TestSite,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const context = await chromium.newContext(options);
  assert.ok(
    headersFor(site.rules, site.prefix)["Content-Security-Policy"],
    `${site.name}: _headers should set a Content-Security-Policy`,
  );
  await context.route("**/*", async (route) => {
    try {
      const response = await route.fetch();
      const headers = headersFor(site.rules, new URL(route.request().url()).pathname);
      await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
    } catch {
      // The page moved on or the context closed while this response was on its way.
      await route.abort().catch(() => undefined);
    }
  });
  await context.addInitScript(() => {
    (window as unknown as Window).__csp = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as Window).__csp.push(
        `${event.effectiveDirective} refused ${event.blockedURI} at ${event.sourceFile || "?"}:${event.lineNumber}`,
      );
    });
  });
  return context;
}

/** Listens to a page and its workers; `problems()` lists violations and errors so far. */
function watch(page: Page, label: () => string): { problems(): Promise<string[]> } {
  const errors: string[] = [];
  page.on("console", (message) => {
    // Pages name their icon, so Chromium asks for no /favicon.ico: every request is the page's own.
    if (message.type() === "error") errors.push(`${label()}: console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${label()}: uncaught ${error.message}`));
  page.on("worker", (worker) =>
    worker.on(
      "console",
      (message) => message.type() === "error" && errors.push(`${label()}: worker console error: ${message.text()}`),
    ),
  );
  return {
    async problems() {
      const violations = await page
        .evaluate(() => (window as unknown as Window).__csp ?? [])
        .catch(() => [] as string[]);
      return [...violations.map((violation) => `${label()}: ${violation}`), ...errors.splice(0)];
    },
  };
}

async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? "nothing"}`);
}

/** Types a query into the search page and waits for Pagefind's results. */
async function searchFor(page: Page, query: string): Promise<string[]> {
  await page.fill("#search-query", query);
  await page.waitForFunction(
    (wanted) => (document.querySelector("[data-search-status]")?.textContent ?? "").includes(`“${wanted}”`),
    query,
    { timeout: 10_000 },
  );
  return page.$$eval("[data-search-results] a", (links) => links.map((link) => link.getAttribute("href") ?? ""));
}

// ---------------------------------------------------------------------------------------

for (const index of [0, 1]) {
  search(
    `no page breaks the Content-Security-Policy from _headers, search included (${index === 0 ? "root" : `under ${PREFIX}`})`,
    async () => {
      const site = (await testSites())[index]!;
      const context = await contextWithHeaders(await browser(), site);
      const page = await context.newPage();
      let where = "";
      const watcher = watch(page, () => `${site.name} ${where}`);
      const problems: string[] = [];
      try {
        for (const path of [...PAGE_TYPES.map((pageType) => pageType.path), "/404.html", ...EMBED_PATHS]) {
          where = path;
          await visit(page, site.url(path));
          problems.push(...(await watcher.problems()));
        }

        where = "/search/ with a query and a filter";
        await visit(page, site.url("/search/"));
        const found = await searchFor(page, "Oxfordshire");
        assert.ok(
          found.length >= 5,
          `searching for Oxfordshire should find the council and its explainers: ${found.join(", ")}`,
        );
        const unbuilt = found.filter(
          (href) =>
            !href.startsWith(site.prefix) || !existsSync(join(site.dir, href.slice(site.prefix.length), "index.html")),
        );
        assert.equal(unbuilt, [], `results should link to built pages under ${site.prefix}`);
        assert.ok(
          found.includes(`${site.prefix}organisations/oxfordshire/`),
          `the council's page should be found: ${found.join(", ")}`,
        );

        await page.selectOption("#search-filter-inspectorate", "HMICFRS");
        await page.waitForFunction(() =>
          (document.querySelector("[data-search-status]")?.textContent ?? "").includes("in HMICFRS"),
        );
        const police = await page.$$eval("[data-search-results] a", (links) =>
          links.map((link) => link.getAttribute("href") ?? ""),
        );
        assert.ok(
          police.every((href) => href.startsWith(`${site.prefix}organisations/wessex-police/`)),
          `the HMICFRS filter should keep only police pages: ${police.join(", ")}`,
        );
        assert.match(page.url(), /\/search\/\?q=Oxfordshire&inspectorate=HMICFRS$/);
        await page.selectOption("#search-filter-inspectorate", "");
        await page.waitForFunction(
          () => !(document.querySelector("[data-search-status]")?.textContent ?? "").includes("in HMICFRS"),
        );

        const grades = await page.$$eval("#search-filter-grade option", (options) =>
          options.map((option) => option.textContent ?? ""),
        );
        assert.ok(
          grades.includes("Ofsted four-point scale: Requires improvement to be good (1)"),
          `grades should be offered by scale: ${grades.join(" | ")}`,
        );

        await page.click(`[data-search-results] a[href="${site.prefix}organisations/oxfordshire/"]`);
        await page.waitForURL(site.url("/organisations/oxfordshire/"));
        assert.is(await page.textContent("h1"), "Oxfordshire County Council");
        problems.push(...(await watcher.problems()));
      } finally {
        await context.close();
      }
      if (problems.length) fail(`The Content-Security-Policy was broken:\n  ${problems.join("\n  ")}`);
    },
  );
}

search("another site may frame the embed pages, and nothing else of the site", async () => {
  for (const site of await testSites()) {
    const context = await contextWithHeaders(await browser(), site);
    try {
      const embed = site.url(EMBED_PATHS[0]!);
      const explainer = site.url("/organisations/oxfordshire/2024-standard-inspection/");
      // A newspaper's article on a site of its own (another origin), framing both.
      await context.route("http://newsroom.test/**", (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<!DOCTYPE html><title>Article</title><iframe title="embed" src="${embed}"></iframe><iframe title="explainer" src="${explainer}"></iframe>`,
        }),
      );
      const page = await context.newPage();
      await page.goto("http://newsroom.test/article", { waitUntil: "load" });
      const framed = page.frames().find((frame) => frame.url() === embed);
      assert.ok(
        framed,
        `${site.name}: the embed page should load in the frame (frames: ${page
          .frames()
          .map((frame) => frame.url())
          .join(", ")})`,
      );
      assert.is(await framed!.textContent("h1"), "Ofsted standard inspection, 2024");
      assert.not.ok(
        page.frames().some((frame) => frame.url() === explainer),
        `${site.name}: the explainer must refuse to be framed by another site`,
      );
    } finally {
      await context.close();
    }
  }
});

search("the policy in these tests is enforced: an inline script is refused and reported", async () => {
  const site = (await testSites())[0]!;
  const context = await contextWithHeaders(await browser(), site);
  try {
    const page = await context.newPage();
    await visit(page, site.url("/"));
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    assert.is(ran, false);
    await page.waitForFunction(() => (window as unknown as Window).__csp.length > 0);
    assert.match(
      (await page.evaluate(() => (window as unknown as Window).__csp)).join("\n"),
      /^script-src-elem refused inline /,
    );
  } finally {
    await context.close();
  }
});

search("the header's search box leads to search with JavaScript, and to the organisations A to Z without", async () => {
  const chromium = await browser();
  for (const site of await testSites()) {
    for (const javaScriptEnabled of [true, false]) {
      const context = await contextWithHeaders(chromium, site, { javaScriptEnabled });
      try {
        const page = await context.newPage();
        await visit(page, site.url("/frameworks/"));
        await page.fill("#site-search-query", "police");
        await Promise.all([page.waitForURL(/\?q=police$/), page.press("#site-search-query", "Enter")]);
        if (javaScriptEnabled) {
          assert.is(page.url(), site.url("/search/?q=police"));
          await page.waitForSelector(`[data-search-results] a[href="${site.prefix}organisations/wessex-police/"]`, {
            timeout: 10_000,
          });
          assert.is(await page.inputValue("#search-query"), "police");
        } else {
          assert.is(page.url(), site.url("/organisations/?q=police"));
          assert.is(await page.textContent("h1"), "Organisations A to Z");
        }
      } finally {
        await context.close();
      }
    }
  }
});

search("the search page with results has no axe violations and fits 320 px; so does the 404 page", async () => {
  const site = (await testSites())[1]!;
  // axe-core is injected as an inline script, which the policy would rightly refuse.
  const context = await (await browser()).newContext({ bypassCSP: true });
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    for (const [path, query] of [
      ["/search/", "good"],
      ["/404.html", ""],
    ] as const) {
      await page.setViewportSize({ width: 320, height: 640 });
      await visit(page, site.url(path));
      if (query) assert.ok((await searchFor(page, query)).length > 0, `searching for ${query} should find pages`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) problems.push(`${path}: at 320 px the page is ${width}px wide`);
      await page.addScriptTag({ path: axeScript });
      const violations = await page.evaluate(async (tags) => {
        const axe = (
          window as unknown as {
            axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
          }
        ).axe;
        return (await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }))
          .violations;
      }, WCAG_TAGS);
      if (violations.length)
        problems.push(`${path}: ${violations.length} axe-core violation(s):\n${describeViolations(violations)}`);
    }
  } finally {
    await context.close();
  }
  if (problems.length) fail(problems.join("\n"));
});

search.run();
