/**
 * HTML that escapes by default. Every value interpolated into `html` is escaped unless it
 * is already `SafeHtml` (the output of another component), so a `<script>` typed into
 * content can only ever come out as text.
 *
 * @example html`<p>${"<b>"}</p>`.toString() === "<p>&lt;b&gt;</p>"
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const NEEDS_ESCAPING = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most text has nothing to escape; testing first saves a copy of it (docs/performance.md).
  return NEEDS_ESCAPING.test(text) ? text.replace(/[&<>"']/g, (character) => ESCAPES[character]!) : text;
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  // A number has nothing to escape (charts are mostly numbers).
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index++)
    out += render(values[index] as Interpolation) + strings[index + 1]!;
  return new SafeHtml(out);
}

/** Longer than any word a column should be widened for: a pasted address, a code, an unbroken string. */
const LONG_WORD = /\S{25}/;

/**
 * Text for a table cell or a grade chip: each word of 25 characters or more is marked
 * `long-word`, which may break anywhere (site.css), so it wraps in a narrow column
 * instead of widening the table; shorter words never break. Elsewhere every box already
 * breaks a word too long for its line (site.css, body).
 *
 * @example breakable("Good").toString() === "Good"
 */
export function breakable(text: string): SafeHtml {
  if (!LONG_WORD.test(text)) return new SafeHtml(escapeHtml(text));
  return new SafeHtml(
    text
      .split(/(\s+)/)
      .map((part) => (LONG_WORD.test(part) ? `<span class="long-word">${escapeHtml(part)}</span>` : escapeHtml(part)))
      .join(""),
  );
}

/**
 * Marks markup made and escaped elsewhere as safe: markdown-it's output, and a page's
 * content that Nunjucks has already rendered. Nothing built in this project's code: that
 * goes through `html`.
 */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * JSON for a <script> element: `<`, `>` and `&` as JSON escapes, so no text from content can
 * close the element or open a comment; U+2028 and U+2029 likewise, for old JSON parsers.
 * HTML's escapes would not do: a script's text is not decoded.
 *
 * @example scriptJson({ name: "</script>" }).toString() === '{"name":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value).replace(
      /[<>&\u2028\u2029]/g,
      (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
    ),
  );
}

/** Only web and mail links leave the site; anything else (javascript:, data:) becomes inert. */
export function safeHref(href: string): string {
  return /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href.trim()) ? href.trim() : "#";
}
