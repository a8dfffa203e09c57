/**
 * How tall a built site's pages are on a phone: every page under the folders asked for is
 * opened in headless Chromium (Debian's, or CHROMIUM_PATH) at a width, and the height of
 * the document is read once it has loaded. Prints, for each top folder, how many pages,
 * the median and the largest, and the tallest pages of all (docs/performance.md, "Pages
 * at 20+ inspections"). The site is served from the folder on 127.0.0.1, on a free port,
 * for the run only.
 *
 *   node --import tsx bench/page-heights.ts --site <built folder> [--under inspections,a-to-z,organisations/index.html]
 *     [--width 390] [--tallest 10] [--limit N] [--workers 2] [--json]
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "playwright-core";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves `root` on 127.0.0.1: `/x/` is `x/index.html`; nothing outside it. */
function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done(server));
  });
}

/** The address of every page (`index.html`) under `folder` of the site, sorted; `folder/index.html` is that one page. */
function pagesUnder(root: string, folder: string): string[] {
  if (folder.endsWith("index.html"))
    return existsSync(join(root, folder)) ? [`/${folder.replace(/index\.html$/, "")}`.replace(/^\/\/$/, "/")] : [];
  const found: string[] = [];
  const walk = (directory: string): void => {
    if (!existsSync(directory)) return;
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === "index.html") found.push(`/${relative(root, directory).split(sep).join("/")}/`);
    }
  };
  walk(join(root, folder));
  return found.map((url) => url.replace(/^\/\/$/, "/")).sort();
}

export interface Heights {
  width: number;
  groups: { folder: string; pages: number; median: number; max: number; maxUrl: string }[];
  tallest: { url: string; height: number }[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};

async function measure(browser: Browser, origin: string, urls: readonly string[], width: number, workers: number) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: true });
  const heights = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    const page = await context.newPage();
    while (next < urls.length) {
      const url = urls[next++]!;
      await page.goto(origin + url, { waitUntil: "load" });
      heights.set(url, await page.evaluate(() => document.documentElement.scrollHeight));
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: workers }, worker));
  await context.close();
  return heights;
}

export async function pageHeights(
  site: string,
  folders: readonly string[],
  width: number,
  options: { tallest?: number; limit?: number; workers?: number } = {},
): Promise<Heights> {
  const root = resolve(site);
  const server = await serve(root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const byFolder = folders.map((folder) => ({ folder, urls: pagesUnder(root, folder).slice(0, options.limit) }));
    const heights = await measure(
      browser,
      origin,
      byFolder.flatMap(({ urls }) => urls),
      width,
      options.workers ?? 2,
    );
    const groups = byFolder
      .filter(({ urls }) => urls.length > 0)
      .map(({ folder, urls }) => {
        const values = urls.map((url) => heights.get(url)!);
        const max = Math.max(...values);
        return { folder, pages: urls.length, median: median(values), max, maxUrl: urls[values.indexOf(max)]! };
      });
    const tallest = [...heights]
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.tallest ?? 10)
      .map(([url, height]) => ({ url, height }));
    return { width, groups, tallest };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      site: { type: "string" },
      under: { type: "string", default: "inspections,a-to-z,regions,types" },
      width: { type: "string", default: "390" },
      tallest: { type: "string", default: "10" },
      limit: { type: "string" },
      workers: { type: "string", default: "2" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.site) {
    console.error("Usage: node --import tsx bench/page-heights.ts --site <built folder> [--under a,b] [--width 390]");
    process.exit(2);
  }
  const result = await pageHeights(values.site, values.under.split(","), Number(values.width), {
    tallest: Number(values.tallest),
    workers: Number(values.workers),
    ...(values.limit ? { limit: Number(values.limit) } : {}),
  });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`At ${result.width} px wide:`);
    for (const group of result.groups)
      console.log(
        `  ${group.folder}: ${group.pages} pages, median ${group.median} px, at most ${group.max} px (${group.maxUrl})`,
      );
    console.log("Tallest:");
    for (const { url, height } of result.tallest) console.log(`  ${height} px  ${url}`);
  }
}
