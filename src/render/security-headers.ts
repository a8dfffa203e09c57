/**
 * The `_headers` file: HTTP headers for hosts that read it (Netlify, Cloudflare Pages).
 * https://docs.netlify.com/routing/headers/
 *
 * The Content-Security-Policy allows only what the pages really use, and a test in
 * Chromium (test/publish/browser.test.ts) visits every kind of page under it:
 * - scripts only from the site itself, never inline (the search page loads
 *   /assets/search.js, which loads Pagefind from /pagefind/);
 * - 'wasm-unsafe-eval' because Pagefind searches with WebAssembly, in the page and in its
 *   worker. It allows compiling WebAssembly, not evaluating JavaScript. It cannot be
 *   limited to /search/ here: where several rules of a `_headers` file match a path, hosts
 *   send every matching policy and the browser enforces them all;
 * - styles only from the stylesheet: no `style` attributes and no <style> elements;
 * - no images, fonts, frames or plug-ins from anywhere else, and no framing of the site.
 */

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'none'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'"],
  "img-src": ["'self'"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

export function contentSecurityPolicy(): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
    .join("; ");
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": contentSecurityPolicy(),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers that predate frame-ancestors.
  "X-Frame-Options": "DENY",
};

/** Every path gets every header: one rule, `/*`, which matches under any path prefix too. */
export function headersFile(): string {
  return `/*\n${Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `  ${name}: ${value}\n`)
    .join("")}`;
}
