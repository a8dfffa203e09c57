/**
 * The `_headers` file: HTTP headers for hosts that read it (Netlify, Cloudflare Pages).
 * https://docs.netlify.com/routing/headers/
 *
 * The Content-Security-Policy allows only what the pages really use, and a test in
 * Chromium (test/publish/browser.test.ts) visits every kind of page under it:
 * - scripts only from the site itself, never inline (every page loads /assets/search.js
 *   and /assets/print.js; search.js loads Pagefind from /pagefind/);
 * - 'wasm-unsafe-eval' because Pagefind searches with WebAssembly, in the page and in its
 *   worker. It allows compiling WebAssembly, not evaluating JavaScript;
 * - styles only from the stylesheet: no `style` attributes and no <style> elements;
 * - the web manifest, and no images, fonts, frames or plug-ins from anywhere else;
 * - no framing of the site by other sites, except the embed pages (/embed/...), which
 *   exist to be framed: they have no script, no form and nothing to click that changes
 *   anything, so another site framing them can trick a reader into nothing (the harm
 *   frame-ancestors guards against), and any newsroom may embed one without asking.
 *   `frame-ancestors *` allows every http and https page.
 *
 * No address may get two policies: where several rules of a `_headers` file match an
 * address, hosts differ (some send every matching header, some join the values with a
 * comma, some keep the last), and a browser given two policies enforces both, so a
 * `frame-ancestors 'none'` meant for the rest of the site would stop the embeds too. So the
 * policies are given by rules that never overlap: one for the embed pages, and one for each
 * other file and folder at the top of the site (listed from the output when it is
 * written); only the headers that are the same everywhere go in a rule for every path.
 */
import { posix } from "node:path";
import { embedRootUrl } from "./urls.ts";

type Policy = Readonly<Record<string, readonly string[]>>;

export const CONTENT_SECURITY_POLICY: Policy = {
  "default-src": ["'none'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'"],
  "img-src": ["'self'"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'"],
  "manifest-src": ["'self'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/** The embed pages: their stylesheet and icon, nothing else; any site may frame them. */
export const EMBED_CONTENT_SECURITY_POLICY: Policy = {
  "default-src": ["'none'"],
  "style-src": ["'self'"],
  "img-src": ["'self'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
  "frame-ancestors": ["*"],
};

export function contentSecurityPolicy(policy: Policy = CONTENT_SECURITY_POLICY): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
    .join("; ");
}

/** Sent with every file. */
export const SHARED_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** Sent with every file but the embed pages. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": contentSecurityPolicy(),
  // For browsers that predate frame-ancestors.
  "X-Frame-Options": "DENY",
};

export const EMBED_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": contentSecurityPolicy(EMBED_CONTENT_SECURITY_POLICY),
};

export interface HeaderRule {
  /** A path pattern: `*` at the end matches the rest of a path. */
  path: string;
  headers: Readonly<Record<string, string>>;
}

/**
 * @param pathPrefix the site's path prefix, "/" at the root of a host
 * @param entries the files and folders at the top of the output; folders end with "/"
 */
export function headerRules(pathPrefix: string, entries: readonly string[]): HeaderRule[] {
  const at = (path: string) => posix.join(pathPrefix, path);
  const embed = embedRootUrl().replace(/^\/|\/$/g, "");
  const others = entries
    .filter((entry) => entry.replace(/\/$/, "") !== embed)
    .sort()
    .map((entry) => ({ path: entry.endsWith("/") ? at(`${entry}*`) : at(entry), headers: SECURITY_HEADERS }));
  return [
    { path: "/*", headers: SHARED_HEADERS },
    { path: at(`${embed}/*`), headers: EMBED_HEADERS },
    { path: at("/"), headers: SECURITY_HEADERS },
    ...others,
  ];
}

export function headersFile(rules: readonly HeaderRule[]): string {
  const intro =
    "# Written by the build (src/render/security-headers.ts). Each address gets one Content-Security-Policy:\n" +
    "# the embed pages may be framed by any site, every other file by none. docs/publishing.md.\n";
  return `${intro}${rules
    .map(
      (rule) =>
        `${rule.path}\n${Object.entries(rule.headers)
          .map(([name, value]) => `  ${name}: ${value}\n`)
          .join("")}`,
    )
    .join("")}`;
}
