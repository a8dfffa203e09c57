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
 *
 * The content manager at /admin/ (Decap CMS, when site.yaml sets `cms`) cannot work under
 * the site's policy, and gets one of its own by a rule of its own (ADMIN_RELAXATIONS says
 * why each difference is needed).
 */
import { posix } from "node:path";
import { adminUrl, embedRootUrl, headersUrl } from "./urls.ts";

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

/**
 * What the content manager needs beyond the strict policy, and why. Decap CMS 3 is one
 * prebuilt bundle (node_modules/decap-cms/dist), so these are its needs as shipped; the
 * CMS test (test/editors/cms.test.ts) fails on any other violation.
 */
export const ADMIN_RELAXATIONS: Readonly<Record<string, { sources: readonly string[]; why: string }>> = {
  "script-src": {
    sources: ["'unsafe-eval'"],
    why: "Decap checks its configuration with Ajv, which compiles each check into a function with `new Function`.",
  },
  "style-src": {
    sources: ["'unsafe-inline'"],
    why: "Decap's interface is styled with Emotion, which writes <style> elements while the page runs.",
  },
};

export function contentSecurityPolicy(policy: Policy = CONTENT_SECURITY_POLICY): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * The content manager's policy: the strict one with ADMIN_RELAXATIONS, and the origins of
 * the git host's API (`connect`) and of its users' pictures (`images`), where it saves.
 */
export function adminContentSecurityPolicy(
  hosts: { connect?: readonly string[]; images?: readonly string[] } = {},
): string {
  const policy: Record<string, string[]> = Object.fromEntries(
    Object.entries(CONTENT_SECURITY_POLICY).map(([directive, sources]) => [
      directive,
      [
        ...sources.filter((source) => source !== "'wasm-unsafe-eval'"),
        ...(ADMIN_RELAXATIONS[directive]?.sources ?? []),
      ],
    ]),
  );
  policy["connect-src"]!.push(...(hosts.connect ?? []));
  policy["img-src"]!.push(...(hosts.images ?? []));
  return contentSecurityPolicy(policy);
}

/** Sent with every file. */
export const SHARED_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** For browsers that predate frame-ancestors: every file but the embed pages. */
const NO_FRAMING = { "X-Frame-Options": "DENY" } as const;

/** Sent with every file but the embed pages and the content manager. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": contentSecurityPolicy(),
  ...NO_FRAMING,
};

export const EMBED_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": contentSecurityPolicy(EMBED_CONTENT_SECURITY_POLICY),
};

export interface HeaderRule {
  /** A path pattern: `*` at the end matches the rest of a path. */
  path: string;
  headers: Readonly<Record<string, string>>;
}

/** An address without its slashes: the name of the folder at the top of the output it is. */
const topFolder = (url: string): string => url.replace(/^\/|\/$/g, "");

/**
 * @param pathPrefix the site's path prefix, "/" at the root of a host
 * @param entries the files and folders at the top of the output; folders end with "/".
 *   The `_headers` file itself, never served, gets no rule.
 * @param adminPolicy the content manager's policy (adminContentSecurityPolicy), when the
 *   site has one: its folder gets that policy instead of the site's
 */
export function headerRules(pathPrefix: string, entries: readonly string[], adminPolicy?: string): HeaderRule[] {
  const at = (path: string) => posix.join(pathPrefix, path);
  const embed = topFolder(embedRootUrl());
  const admin = topFolder(adminUrl());
  const ruledApart = [embed, topFolder(headersUrl()), ...(adminPolicy ? [admin] : [])];
  const others = entries
    .filter((entry) => !ruledApart.includes(entry.replace(/\/$/, "")))
    .sort()
    .map((entry) => ({ path: entry.endsWith("/") ? at(`${entry}*`) : at(entry), headers: SECURITY_HEADERS }));
  const adminRules = adminPolicy
    ? [{ path: at(`${admin}/*`), headers: { "Content-Security-Policy": adminPolicy, ...NO_FRAMING } }]
    : [];
  return [
    { path: "/*", headers: SHARED_HEADERS },
    { path: at(`${embed}/*`), headers: EMBED_HEADERS },
    ...adminRules,
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
