/**
 * Reads built HTML the way a browser's tokenizer would and lists everything in it that
 * could run: script elements, event handler attributes, javascript: and other script URLs,
 * frames and plug-ins. Used by hostile.test.ts on every page built from hostile content.
 */

/** Tags as the HTML tokenizer sees them: a quoted attribute value may hold `>`. */
const TAG = /<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "xlink:href",
  "action",
  "formaction",
  "data",
  "poster",
  "background",
  "cite",
]);
const FORBIDDEN_TAGS = new Set(["iframe", "frame", "frameset", "object", "embed", "base", "applet"]);

function decodeEntities(value: string): string {
  const named: Record<string, string> = {
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    colon: ":",
    tab: "\t",
    newline: "\n",
    sol: "/",
  };
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

/** A URL a browser would run or render as a document: javascript:, vbscript:, data: (but images). */
function dangerousUrl(raw: string): boolean {
  // Browsers ignore tabs, new lines and leading control characters and spaces in a scheme.
  const url = decodeEntities(raw)
    .replace(/[\u0000-\u0020]/g, "")
    .toLowerCase();
  return (
    url.startsWith("javascript:") ||
    url.startsWith("vbscript:") ||
    (url.startsWith("data:") && !url.startsWith("data:image/"))
  );
}

/** Everything in one built file that a browser would execute, one line each. */
export function activeMarkup(markup: string): string[] {
  const found: string[] = [];
  for (const tag of markup.matchAll(TAG)) {
    const name = tag[1]!.toLowerCase();
    const attributes = [...tag[2]!.matchAll(ATTRIBUTE)].map((match) => ({
      name: match[1]!.toLowerCase(),
      value: (match[2] ?? "").replace(/^(["'])([\s\S]*)\1$/, "$2"),
    }));
    const snippet = tag[0].slice(0, 120);
    if (name === "script") {
      // The site's own enhancement scripts are allowed: an external file from the site, with no inline code.
      const src = attributes.find((attribute) => attribute.name === "src")?.value ?? "";
      const close = markup.indexOf("</script>", tag.index! + tag[0].length);
      const inline = close < 0 ? "?" : markup.slice(tag.index! + tag[0].length, close).trim();
      // JSON-LD is a data block, never run: allowed when it is JSON with no `<` that could end it early.
      const type = attributes.find((attribute) => attribute.name === "type")?.value ?? "";
      if (type === "application/ld+json") {
        if (!isJsonData(inline)) found.push(`a JSON-LD block that is not plain JSON: ${snippet}`);
      } else if (!/^\/[^"'<>]*\.m?js$/.test(src) || inline) found.push(`a <script> element: ${snippet}`);
    }
    if (FORBIDDEN_TAGS.has(name)) found.push(`an <${name}> element: ${snippet}`);
    if (
      name === "meta" &&
      attributes.some((attribute) => attribute.name === "http-equiv" && /refresh/i.test(attribute.value))
    ) {
      found.push(`a meta refresh: ${snippet}`);
    }
    for (const attribute of attributes) {
      if (attribute.name.startsWith("on")) found.push(`an event handler attribute ${attribute.name}=: ${snippet}`);
      if (attribute.name === "srcdoc") found.push(`a srcdoc attribute: ${snippet}`);
      if (URL_ATTRIBUTES.has(attribute.name) && dangerousUrl(attribute.value))
        found.push(`a script URL in ${attribute.name}=: ${snippet}`);
    }
  }
  // Whatever the tokenizer above might miss, these never belong in the output as markup.
  if (/<script(?![^>]*\bsrc="\/[^"]*\.m?js")(?! type="application\/ld\+json">)/i.test(markup))
    found.push("the text <script");
  if (/href\s*=\s*["']?\s*javascript:/i.test(markup)) found.push('the text href="javascript:');
  return [...new Set(found)];
}

function isJsonData(text: string): boolean {
  if (text.includes("<")) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
