/**
 * `npm start` while the content has problems: the build goes on without the content (an
 * empty model, current-site.ts), the terminal lists the problems as `npm run check` does,
 * and the development server answers every page with a page that lists them. Saving a
 * fix rebuilds; Eleventy's live reload then shows the site again.
 * Does nothing in `npm run build`, which has no server and still stops on problems.
 * The server listens on 127.0.0.1 only and answers only its own names (preview-guard.ts).
 * https://www.11ty.dev/docs/dev-server/#middleware
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isAbsolute, relative } from "node:path";
import { problemsPage } from "./problem-page.ts";
import { linesFromDisk } from "../content/problem-quote.ts";
import { coloursFor, problemReport } from "../content/problem-report.ts";
import type { Site } from "../site.ts";
import { guardPreviewServer, isLoopback, previewHost } from "./preview-guard.ts";
import type { EleventyConfig } from "../eleventy/types.ts";

export interface LivePreviewPluginOptions {
  /** The Site of the build that is running (current-site.ts). */
  site: () => Site;
}

/** A request for a page (not a stylesheet or an image): it ends in '/' or '.html', or has no extension. */
export function isPageRequest(request: Pick<IncomingMessage, "method" | "url">): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  return path.endsWith("/") || path.endsWith(".html") || !/\.[^/]+$/.test(path);
}

export function problemsMiddleware(site: () => Site) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const { problems, root, content, settings } = site();
    if (problems.length === 0 || !isPageRequest(request)) return next();
    response.statusCode = 500;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.end(problemsPage(problems, linesFromDisk(root, content), settings.language));
  };
}

/** What to watch: the content folder (as a path inside the project where it is one) and site.yaml. */
function watchTargets(site: Site): string[] {
  const inside = relative(site.root, site.content);
  const content = inside === "" || inside.startsWith("..") || isAbsolute(inside) ? site.content : `./${inside}/`;
  return [content, "./site.yaml"];
}

export default function livePreviewPlugin(eleventyConfig: EleventyConfig, options: LivePreviewPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("livePreviewPlugin needs the `site` option (current-site.ts).");
  const { site } = options;
  for (const target of watchTargets(site())) eleventyConfig.addWatchTarget(target);
  const host = previewHost();
  guardPreviewServer(host);
  const open = !isLoopback(host);
  eleventyConfig.setServerOptions({
    middleware: [problemsMiddleware(site)],
    // Opened on purpose: the addresses it can be reached at, and what that means.
    showAllHosts: open,
    messageOnStart: ({ hosts }: { hosts: string[] }) =>
      `Server at ${hosts.join(" or ")}${
        open
          ? `\nWARNING: EXPLAINERS_PREVIEW_HOST=${host} opens the preview to other computers: anyone who can reach this one can read the unpublished content. Without it, the preview listens on 127.0.0.1 only.`
          : ""
      }`,
  });
  let showing = false;
  eleventyConfig.on("eleventy.after", ({ runMode }) => {
    if (runMode === "build" || runMode === undefined) return;
    const { problems, root, content } = site();
    if (problems.length > 0) {
      console.error(`\n${problemReport(problems, linesFromDisk(root, content), coloursFor(process.stderr))}`);
      console.error("The preview shows these problems at every address until they are fixed; saving a fix rebuilds.\n");
      showing = true;
    } else if (showing) {
      console.log("The content has no problems now; the preview shows the site again.");
      showing = false;
    }
  });
}
