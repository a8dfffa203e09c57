/**
 * Shared machinery for the browser suite: build a site once per content folder into a
 * temporary folder, serve it on 127.0.0.1, and drive Debian's Chromium through
 * playwright-core.
 *
 * Everything is started lazily (a module-level promise per resource) and shared by every
 * suite in the run, so the sample site is built once and Chromium launched once. Each
 * suite that uses these calls `shareResources(suite)` when its file is imported; uvu
 * imports every test file before it runs any suite, so by the time the first suite runs
 * the count of users is known, and the last suite's `after` hook (which uvu runs even when
 * tests fail) closes the browser, stops the servers and removes the temporary folders.
 *
 * Setup never throws from a `before` hook (uvu would abort the whole run); it rejects the
 * shared promise instead, and every test that awaits it fails with the same clear message.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, relative, resolve, sep } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { Test } from "uvu";
import { projectRoot, runBuild } from "../fixtures/build-site.ts";

export { projectRoot };

// ---------------------------------------------------------------------------------------
// Building

export interface BuiltSite {
  /** The folder the site was built into. */
  dir: string;
  /** What the build printed, for failure messages. */
  status: number | null;
  stdout: string;
  stderr: string;
}

const builds = new Map<string, Promise<BuiltSite>>();
const temporaryFolders: string[] = [];

/**
 * Builds the site from a content folder (relative to the project root; the sample content
 * when left out) once per run, with the real build command. Resolves even when the build
 * fails: look at `status`.
 */
export function builtSite(content?: string): Promise<BuiltSite> {
  const key = content ?? "";
  let promise = builds.get(key);
  if (!promise) {
    promise = Promise.resolve().then(() => {
      const work = mkdtempSync(join(tmpdir(), "explainers-browser-"));
      temporaryFolders.push(work);
      const dir = join(work, "site");
      const result = runBuild(["--output", dir, ...(content ? ["--content", content] : [])]);
      return { dir, ...result };
    });
    builds.set(key, promise);
  }
  return promise;
}

/** Like `builtSite`, but rejects with the build's own messages when it fails. */
export async function successfulBuild(content?: string): Promise<BuiltSite> {
  const site = await builtSite(content);
  if (site.status !== 0) {
    throw new Error(
      `The build of ${content ?? "the sample content"} failed (exit ${site.status}):\n${site.stderr}${site.stdout}`,
    );
  }
  return site;
}

/** Every file under a folder, as paths relative to it with forward slashes, sorted. */
export function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(folder, path).split(sep).join("/"));
    }
  };
  walk(folder);
  return found;
}

/** The URL path a built file is served at: `a/b/index.html` -> `/a/b/`. */
export function urlPathOf(file: string): string {
  return "/" + file.replace(/(^|\/)index\.html$/, "$1");
}

// ---------------------------------------------------------------------------------------
// Serving

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export interface ServedSite extends BuiltSite {
  /** The site's address, without a trailing slash: `http://127.0.0.1:PORT`. */
  origin: string;
  /** The absolute URL of a path on the site. */
  url(path: string): string;
}

const servers: Server[] = [];
const served = new Map<string, Promise<ServedSite>>();

/** A tiny static file server: `/x/` serves `x/index.html`, nothing outside `root`. */
export function serveFolder(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end("Bad request");
      return;
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end("Forbidden");
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    response.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(request.method === "HEAD" ? undefined : readFileSync(file));
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done(server));
  });
}

/** Builds (once) and serves (once) the site from a content folder on a free local port. */
export function servedSite(content?: string): Promise<ServedSite> {
  const key = content ?? "";
  let promise = served.get(key);
  if (!promise) {
    promise = successfulBuild(content).then(async (site) => {
      const server = await serveFolder(resolve(site.dir));
      servers.push(server);
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return { ...site, origin, url: (path: string) => origin + path };
    });
    served.set(key, promise);
  }
  return promise;
}

// ---------------------------------------------------------------------------------------
// Chromium

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const INSTALL_HINT =
  "The browser tests need Chromium. On Debian or Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium`" +
  " (or set CHROMIUM_PATH to a Chromium or Chrome executable).";

let browserPromise: Promise<Browser> | undefined;

/** Launches Chromium once per run; rejects with how to install it when it is missing. */
export function browser(): Promise<Browser> {
  browserPromise ??= (async () => {
    if (!existsSync(chromiumPath)) throw new Error(`Chromium was not found at ${chromiumPath}. ${INSTALL_HINT}`);
    try {
      return await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
        ],
      });
    } catch (error) {
      throw new Error(`Chromium at ${chromiumPath} did not start: ${(error as Error).message}\n${INSTALL_HINT}`);
    }
  })();
  return browserPromise;
}

// ---------------------------------------------------------------------------------------
// Sharing and cleaning up

let users = 0;

/**
 * Call once per suite, when its file is imported. The last suite to finish closes the
 * browser, stops the servers and removes the built sites, in its `after` hook.
 */
export function shareResources<T>(test: Test<T>): void {
  users++;
  test.after(async () => {
    users--;
    if (users === 0) await closeAll();
  });
}

async function closeAll(): Promise<void> {
  const pending = browserPromise;
  browserPromise = undefined;
  if (pending) {
    // A launch that failed has nothing to close.
    const launched = await pending.catch(() => undefined);
    await launched?.close();
  }
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((done) => server.close(() => done()))));
  served.clear();
  builds.clear();
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------
// axe-core

/** The part of axe-core's results this suite reads. */
export interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

export const axeScript = join(projectRoot, "node_modules/axe-core/axe.min.js");

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe-core (already added to the page) with the WCAG 2.2 A and AA rules. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async (tags) => {
    const axeApi = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const results = await axeApi.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map(String),
        html: node.html,
        failureSummary: node.failureSummary,
      })),
    }));
  }, WCAG_TAGS);
}

/** One line per violation and per element, for a failure message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `      ${node.target.join(" ")}\n        ${node.html.slice(0, 160)}\n        ${(node.failureSummary ?? "").split("\n").join("\n        ")}`,
        )
        .join("\n");
      return `  ${violation.id} (${violation.impact ?? "no impact"}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join("\n");
}

/**
 * Fails the current test with a message of several lines, printed once (uvu prints an
 * error's stack after its message, and a stack repeats every line of the message).
 */
export function fail(message: string): never {
  const error = new Error(message);
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  error.stack = [`Error: ${message.split("\n")[0]}`, ...frames].join("\n");
  throw error;
}

/** The output folder for screenshots and other artefacts a person looks at. */
export const testOutput = join(projectRoot, "test-output");
