/**
 * The built site as a publisher ships it, at the root of a host and under a path prefix
 * (`--path-prefix /explainers/`), each built with the address of the local server that
 * checks it, so that absolute links (canonical, feeds, sitemap, JSON-LD) are checked too:
 *   - linkinator crawls every page: zero broken internal links and assets;
 *   - every page passes html-validate's recommended rules;
 *   - the Atom feeds are well-formed XML with what RFC 4287 requires, dated from content;
 *   - sitemap.xml, robots.txt, canonical links, Open Graph, JSON-LD and the 404 page.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { LinkChecker, LinkState, type LinkResult } from "linkinator";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadSiteSettings } from "../../src/content/site-settings.ts";
import { projectRoot, runBuild } from "../fixtures/build-site.ts";
import { BUILD_MARKER } from "../../src/cli/output-folder.ts";
import { browser, fail, filesUnder, shareResources } from "../browser/support.ts";
import { headersFor, parseHeadersFile } from "./headers.ts";
import { childrenNamed, parseXml, readHead, type XmlElement } from "./xml.ts";

const PREFIX = "/explainers/";
const ATOM = "http://www.w3.org/2005/Atom";
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface Site {
  name: string;
  /** The folder linkinator serves at the host's root. */
  serverRoot: string;
  /** The built site: serverRoot itself, or the prefix folder inside it. */
  dir: string;
  prefix: string;
  port: number;
  /** `http://localhost:PORT/prefix/`: what every absolute link starts with. */
  base: string;
}

const site = suite("publishing: the built site at the root and under a path prefix");
shareResources(site);
const sites: Site[] = [];
let work = "";
let page: Page | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

site.before(async () => {
  work = mkdtempSync(join(tmpdir(), "explainers-publish-"));
  for (const prefix of ["/", PREFIX]) {
    const port = await freePort();
    const serverRoot = join(work, prefix === "/" ? "root" : "prefixed");
    const dir = join(serverRoot, prefix);
    const result = runBuild([
      "--output",
      dir,
      "--no-search",
      "--url",
      `http://localhost:${port}`,
      "--path-prefix",
      prefix,
    ]);
    if (result.status !== 0) throw new Error(`The build with the prefix ${prefix} failed:\n${result.stderr}`);
    sites.push({
      name: prefix === "/" ? "root" : `prefix ${prefix}`,
      serverRoot,
      dir,
      prefix,
      port,
      base: `http://localhost:${port}${prefix}`,
    });
  }
});
site.after(async () => {
  await page?.close();
  rmSync(work, { recursive: true, force: true });
});

async function chromiumPage(): Promise<Page> {
  page ??= await (await browser()).newPage();
  return page;
}

const htmlPages = (built: Site) => filesUnder(built.dir).filter((file) => file.endsWith(".html"));
/** `a/b/index.html` is published at `a/b/`. */
const addressOf = (built: Site, file: string) => built.base + file.replace(/(^|\/)index\.html$/, "$1");
/** The built file an absolute address on the site points to, or undefined when it is not on the site. */
function fileAt(built: Site, address: string): string | undefined {
  if (!address.startsWith(built.base)) return undefined;
  const path = decodeURIComponent(address.slice(built.base.length).split(/[?#]/)[0]!);
  const file = join(built.dir, path.endsWith("/") || path === "" ? join(path, "index.html") : path);
  return existsSync(file) ? file : undefined;
}

// ---------------------------------------------------------------------------------------
// Links

for (const which of ["root", "prefix"] as const) {
  site(
    `linkinator finds no broken link or asset (${which === "root" ? "at the root" : `under ${PREFIX}`})`,
    async () => {
      const built = sites[which === "root" ? 0 : 1]!;
      const own = `http://localhost:${built.port}/`;
      const start = built.prefix.slice(1);
      // The crawl starts at the home page; the 404 page (linked from nowhere) is checked on its
      // own, as a second start in one crawl would race the first for pages both link to.
      const crawl = async (path: string) => {
        const result = await new LinkChecker().check({
          path,
          serverRoot: built.serverRoot,
          port: built.port,
          recurse: true,
          checkFragments: true,
          // Only this site: links to inspectorates and councils are not ours to check here.
          linksToSkip: async (link: string) => !link.startsWith(own),
        });
        // linkinator reports addresses on its own server without the origin.
        return result.links.map((link) => ({ ...link, url: new URL(link.url, own).href }));
      };
      const links = [...(await crawl(start || ".")), ...(await crawl(`${start}404.html`))];
      const checked = links.filter((link) => link.state !== LinkState.SKIPPED);
      const distinct = new Set(checked.map((link) => link.url)).size;
      const broken = links.filter((link) => link.state === LinkState.BROKEN);
      // Every link found on a page (the start pages have no parent) stays under the prefix.
      const outside = checked.filter((link) => link.parent && !link.url.startsWith(built.base));
      const reached = new Set(checked.map((link) => link.url));
      const pages = htmlPages(built).filter((file) => reached.has(addressOf(built, file)) || file === "404.html");
      console.log(
        `\n  linkinator, ${built.name}: ${pages.length} pages crawled, ${distinct} addresses checked (pages, assets, feeds, ` +
          `absolute links), ${broken.length} broken; ${links.length - checked.length} links to other sites skipped.\n`,
      );
      const describe = (links: LinkResult[]) =>
        links.map((link) => `  ${link.status ?? "-"} ${link.url}\n      on ${link.parent}`).join("\n");
      if (broken.length) fail(`Broken links (${built.name}):\n${describe(broken)}`);
      if (outside.length) fail(`Links that leave the path prefix (${built.name}):\n${describe(outside)}`);
      assert.equal(pages, htmlPages(built), "the crawl should reach every page");
      assert.ok(
        checked.some((link) => link.url === `${built.base}feed.xml`),
        "the crawl should check the feed links",
      );
      assert.ok(
        checked.some((link) => link.url === `${built.base}assets/search.js`),
        "the crawl should check the search script",
      );
    },
  );
}

site("the search forms lead to a page that works without JavaScript, under the prefix too", () => {
  for (const built of sites) {
    for (const file of ["index.html", "search/index.html", "404.html"]) {
      const markup = readFileSync(join(built.dir, file), "utf8");
      const actions = [...markup.matchAll(/<form [^>]*action="([^"]*)"/g)].map((match) => match[1]!);
      assert.ok(actions.length > 0, `${built.name} ${file} should have a search form`);
      for (const action of actions) {
        assert.is(action, `${built.prefix}organisations/`);
        assert.ok(fileAt(built, `http://localhost:${built.port}${action}`), `${action} should be built`);
      }
    }
  }
});

// ---------------------------------------------------------------------------------------
// html-validate

site("every page passes html-validate's recommended rules, at the root and under the prefix", async () => {
  const validator = new HtmlValidate({
    extends: ["html-validate:recommended"],
    rules: {
      // A page's title is its own name, then the site's ("Oxfordshire County Council: Ofsted
      // standard inspection, 2024 – Inspection explainers"). Names come from content; cutting
      // them to 70 characters would cut what tells tabs and screen reader users pages apart.
      "long-title": "off",
      // HTML allows an id to start with a digit, and ours are made from file names
      // (2024-standard-inspection-...). The strict form is for CSS selectors; none use these ids.
      "valid-id": ["error", { relaxed: true }],
      // Scrolling tables are wrapped in <div role="region" tabindex="0" aria-labelledby> in the
      // render components (so keyboard users can scroll them); <section> would do as well. Left
      // to the components' owners: every other element a role could replace is still checked.
      "prefer-native-element": ["error", { exclude: ["region"] }],
    },
  });
  const problems: string[] = [];
  let count = 0;
  for (const built of sites) {
    for (const file of htmlPages(built)) {
      count++;
      const report = await validator.validateString(readFileSync(join(built.dir, file), "utf8"), file);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(
            `  ${built.name} ${file}:${message.line}:${message.column}  ${message.ruleId}: ${message.message}`,
          );
      }
    }
  }
  console.log(`\n  html-validate (recommended): ${count} pages, ${problems.length} errors.\n`);
  if (problems.length) fail(`html-validate found ${problems.length} problem(s):\n${problems.join("\n")}`);
});

// ---------------------------------------------------------------------------------------
// Feeds

function only(parent: XmlElement, name: string, where: string): XmlElement {
  const found = childrenNamed(parent, name);
  if (found.length !== 1) throw new Error(`${where} should have exactly one <${name}>, not ${found.length}`);
  return found[0]!;
}

/** The problems of one Atom feed against RFC 4287 and this site's promises. */
function feedProblems(built: Site, file: string, feed: XmlElement, ids: Map<string, string>): string[] {
  const where = `${built.name} ${file}`;
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => ok || problems.push(`${where}: ${message}`);
  try {
    check(
      feed.name === "feed" && feed.namespace === ATOM,
      `the root element should be Atom's <feed>, not <${feed.name}> in ${feed.namespace}`,
    );
    const foreign: string[] = [];
    const walk = (element: XmlElement): void => {
      if (element.namespace !== ATOM) foreign.push(element.name);
      element.children.forEach(walk);
    };
    walk(feed);
    check(foreign.length === 0, `elements outside the Atom namespace: ${foreign.join(", ")}`);
    for (const name of ["title", "id", "updated"]) only(feed, name, where);
    check(only(only(feed, "author", where), "name", where).text.trim() !== "", "the feed's author needs a name");
    const self = childrenNamed(feed, "link").find((link) => link.attributes.rel === "self");
    check(
      self?.attributes.href === built.base + file,
      `rel="self" should be ${built.base + file}, not ${self?.attributes.href}`,
    );
    const alternate = childrenNamed(feed, "link").find((link) => link.attributes.rel === "alternate");
    check(
      Boolean(alternate && fileAt(built, alternate.attributes.href ?? "")),
      `rel="alternate" should be a page of the site: ${alternate?.attributes.href}`,
    );
    const feedId = only(feed, "id", where).text;
    check(feedId === built.base + file, `the feed's id should be its own absolute address, not ${feedId}`);
    const updated = only(feed, "updated", where).text;
    check(RFC3339.test(updated), `the feed's <updated> is not an RFC 3339 date-time: ${updated}`);

    const entries = childrenNamed(feed, "entry");
    const dates: string[] = [];
    for (const [index, entry] of entries.entries()) {
      const at = `${where} entry ${index + 1}`;
      for (const name of ["title", "id", "updated", "summary"]) only(entry, name, at);
      const id = only(entry, "id", at).text;
      const link = childrenNamed(entry, "link").find(
        (candidate) => (candidate.attributes.rel ?? "alternate") === "alternate",
      );
      check(
        link?.attributes.href === id,
        `${at}: its id should be its page's address (${id}), and its link the same (${link?.attributes.href})`,
      );
      check(Boolean(fileAt(built, id)), `${at}: ${id} is not a page of the site`);
      check(!ids.has(`${file} ${id}`), `${at}: the id ${id} appears twice`);
      ids.set(`${file} ${id}`, file);
      const entryUpdated = only(entry, "updated", at).text;
      check(RFC3339.test(entryUpdated), `${at}: <updated> is not an RFC 3339 date-time: ${entryUpdated}`);
      for (const published of childrenNamed(entry, "published")) {
        check(
          RFC3339.test(published.text) && published.text <= entryUpdated,
          `${at}: <published> ${published.text} should be an RFC 3339 date-time no later than <updated>`,
        );
      }
      check(
        only(entry, "title", at).text.trim() !== "" && only(entry, "summary", at).text.trim() !== "",
        `${at}: an empty title or summary`,
      );
      dates.push(entryUpdated);
    }
    check(
      JSON.stringify(dates) === JSON.stringify([...dates].sort().reverse()),
      `entries should be newest first: ${dates.join(", ")}`,
    );
    // Dated from the content, never from the clock: the newest entry's date.
    if (dates.length)
      check(updated === dates[0], `the feed's <updated> ${updated} should be its newest entry's, ${dates[0]}`);
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

site("the site's feed and each organisation's are valid Atom with absolute links", async () => {
  const chromium = await chromiumPage();
  const problems: string[] = [];
  const summary: string[] = [];
  for (const built of sites) {
    const feeds = filesUnder(built.dir).filter((file) => file.endsWith("feed.xml"));
    assert.equal(feeds, ["feed.xml", "organisations/oxfordshire/feed.xml", "organisations/wessex-police/feed.xml"]);
    const ids = new Map<string, string>();
    for (const file of feeds) {
      const feed = await parseXml(chromium, readFileSync(join(built.dir, file), "utf8"));
      problems.push(...feedProblems(built, file, feed, ids));
      summary.push(
        `${built.name} ${file}: ${childrenNamed(feed, "entry").length} entries, updated ${childrenNamed(feed, "updated")[0]?.text}`,
      );
    }
  }
  console.log(
    `\n  Atom feeds (well-formed, RFC 4287 required elements, RFC 3339 dates, unique ids, links to built pages):\n  ${summary.join("\n  ")}\n  ${problems.length} problems.\n`,
  );
  if (problems.length) fail(`The feeds have problems:\n  ${problems.join("\n  ")}`);
  const site = readFileSync(join(sites[0]!.dir, "feed.xml"), "utf8");
  assert.match(site, /<updated>2024-04-09T00:00:00Z<\/updated>/);
  assert.match(site, /<title>Inspection explainers: new inspections<\/title>/);
});

// ---------------------------------------------------------------------------------------
// Sitemap, robots.txt, <head>, 404, _headers

site("sitemap.xml lists every page but search and 404, absolute, and robots.txt points to it", async () => {
  const chromium = await chromiumPage();
  for (const built of sites) {
    const sitemap = await parseXml(chromium, readFileSync(join(built.dir, "sitemap.xml"), "utf8"));
    assert.is(sitemap.name, "urlset");
    assert.is(sitemap.namespace, "http://www.sitemaps.org/schemas/sitemap/0.9");
    const listed = sitemap.children.map((url) => only(url, "loc", "a <url>").text);
    // Embed pages ask not to be indexed: the explainer is the page to find.
    const expected = htmlPages(built)
      .filter((file) => file !== "404.html" && file !== "search/index.html" && !file.startsWith("embed/"))
      .map((file) => addressOf(built, file))
      .sort();
    assert.equal(listed, expected);
    assert.ok(
      listed.includes(`${built.base}organisations/oxfordshire/2018-short-inspection/`),
      "every explainer, not only the first page of a template",
    );
    const robots = readFileSync(join(built.dir, "robots.txt"), "utf8");
    assert.match(robots, new RegExp(`^Sitemap: ${built.base}sitemap\\.xml$`, "m"));
    assert.match(robots, /^User-agent: \*\nDisallow:$/m);
  }
});

site("every page has its canonical address, a description of its own, Open Graph and feed links", async () => {
  const chromium = await chromiumPage();
  const settings = loadSiteSettings(projectRoot, "site.yaml", {});
  const problems: string[] = [];
  for (const built of sites) {
    for (const file of htmlPages(built)) {
      const head = await readHead(chromium, readFileSync(join(built.dir, file), "utf8"));
      const where = `${built.name} ${file}`;
      const say = (ok: boolean, message: string) => ok || problems.push(`${where}: ${message}`);
      const first = (name: string) => head.meta[name]?.[0] ?? "";
      const canonical = head.links.filter((link) => link.rel === "canonical").map((link) => link.href);
      const description = first("description");
      if (file.startsWith("embed/")) {
        // A page for other sites' frames: kept out of search, and no card of its own.
        say(
          first("robots") === "noindex" && canonical.length === 0,
          "an embed page should say noindex, with no canonical link",
        );
        say(
          !first("og:image") && head.links.every((link) => link.rel !== "alternate"),
          "an embed page has no card or feed",
        );
        continue;
      }
      const explainer = /^organisations\/[^/]+\/[^/]+\/index\.html$/.test(file);
      const image = explainer ? `${addressOf(built, file)}share.png` : `${built.base}assets/share.png`;
      say(first("og:image") === image, `og:image should be ${image}, not ${first("og:image")}`);
      say(existsSync(join(built.dir, image.slice(built.base.length))), `${image} should be built`);
      say(
        explainer ? first("og:image:alt").startsWith(`${first("og:title")}.`) : first("og:image:alt").length > 0,
        `og:image:alt should say what the image shows: "${first("og:image:alt")}"`,
      );
      for (const rel of ["icon", "apple-touch-icon", "manifest"]) {
        const hrefs = head.links.filter((link) => link.rel === rel).map((link) => link.href);
        say(
          hrefs.length > 0 &&
            hrefs.every(
              (href) => href.startsWith(built.prefix) && existsSync(join(built.dir, href.slice(built.prefix.length))),
            ),
          `${rel} should name files the site has: ${hrefs.join(", ")}`,
        );
      }
      if (file === "404.html" || file === "search/index.html") {
        say(first("robots") === "noindex" && canonical.length === 0, "should say noindex, with no canonical link");
      } else {
        say(
          canonical.length === 1 && canonical[0] === addressOf(built, file),
          `canonical should be ${addressOf(built, file)}, not ${canonical.join(", ")}`,
        );
        say(first("og:url") === canonical[0], `og:url should be the canonical address, not ${first("og:url")}`);
      }
      say(
        description.length > 0 && first("og:description") === description,
        `og:description should repeat the description "${description}"`,
      );
      say(
        file === "index.html" || description !== settings.description,
        "should have a description of its own, not the site's",
      );
      say(
        first("og:title") !== "" && head.title.startsWith(first("og:title")),
        `og:title "${first("og:title")}" should be the page's title "${head.title}"`,
      );
      say(
        first("twitter:card") === "summary_large_image" &&
          first("og:type") === "website" &&
          first("og:site_name") === "Inspection explainers",
        "twitter:card, og:type or og:site_name missing",
      );
      const feeds = head.links
        .filter((link) => link.rel === "alternate" && link.type === "application/atom+xml")
        .map((link) => link.href);
      // An organisation's page and its explainers name the organisation's feed, every other
      // page the site's (which every footer links: docs/performance.md, "Page weight").
      const organisation = /^organisations\/([^/]+)\/(?:[^/]+\/)?index\.html$/.exec(file)?.[1];
      const feed = organisation ? `${built.prefix}organisations/${organisation}/feed.xml` : `${built.prefix}feed.xml`;
      say(
        feeds.length === 1 && feeds[0] === feed,
        `should link ${organisation ? `${organisation}'s feed` : "the site's feed"} at ${feed} alone, not ${feeds.join(", ")}`,
      );
      const organisationPage = /^organisations\/[^/]+\/index\.html$/.test(file);
      say(
        organisationPage ===
          (head.feedLinksInMain.length === 1 &&
            head.feedLinksInMain[0]!.href === feeds[0] &&
            head.feedLinksInMain[0]!.text.startsWith("Follow ")),
        `a visible "Follow" link to the organisation's feed belongs on organisation pages only: ${JSON.stringify(head.feedLinksInMain)}`,
      );
      // JSON-LD only on the pages of real organisations (structured-data.ts says why).
      const jsonLd = head.jsonLd.map(
        (text) => JSON.parse(text) as { "@type": string; name: string; subjectOf: { url: string } },
      );
      if (file === "organisations/oxfordshire/index.html") {
        say(
          jsonLd.length === 1 &&
            jsonLd[0]!["@type"] === "Organization" &&
            jsonLd[0]!.subjectOf.url === addressOf(built, file),
          `should describe the council: ${JSON.stringify(jsonLd)}`,
        );
      } else {
        say(jsonLd.length === 0, `should have no JSON-LD: ${JSON.stringify(jsonLd)}`);
      }
    }
  }
  if (problems.length) fail(`Page metadata problems:\n  ${problems.join("\n  ")}`);
});

site("the 404 page helps: organisations A to Z, search and the home page, at any depth", () => {
  for (const built of sites) {
    const markup = readFileSync(join(built.dir, "404.html"), "utf8");
    for (const [path, text] of [
      ["organisations/", "Organisations A to Z"],
      ["search/", "Search"],
      ["", "The home page"],
    ] as const) {
      assert.ok(
        markup.includes(`<a href="${built.prefix}${path}">${text}</a>`),
        `${built.name} 404.html should link ${text} at ${built.prefix}${path}`,
      );
    }
    assert.ok(
      markup.includes(`<link rel="stylesheet" href="${built.prefix}assets/site.css">`),
      "the stylesheet's address must work from any depth",
    );
  }
});

site("_headers gives every file one Content-Security-Policy; only embed pages may be framed", () => {
  for (const built of sites) {
    const rules = parseHeadersFile(readFileSync(join(built.dir, "_headers"), "utf8"));
    let embeds = 0;
    // The build command's marker (docs/publishing.md, "The output folder") is written after the pages and _headers: two lines of plain text, no page.
    for (const file of filesUnder(built.dir).filter((file) => file !== "_headers" && file !== BUILD_MARKER)) {
      const path = `${built.prefix}${file.replace(/(^|\/)index\.html$/, "$1")}`;
      const policy = headersFor(rules, path)["Content-Security-Policy"];
      assert.ok(policy, `${built.name}: ${path} gets no Content-Security-Policy`);
      if (file.startsWith("embed/")) {
        embeds++;
        assert.match(policy, /frame-ancestors \*$/, path);
      } else
        assert.match(
          policy,
          /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; .*frame-ancestors 'none'$/,
          path,
        );
    }
    assert.ok(embeds >= 6, `${built.name}: ${embeds} embed files`);
  }
});

site.run();
