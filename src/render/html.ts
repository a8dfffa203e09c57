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
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index++)
    out += render(values[index] as Interpolation) + strings[index + 1]!;
  return new SafeHtml(out);
}

/** Marks trusted markup (from markdown-it, or SVG built here) as safe. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Only web and mail links leave the site; anything else (javascript:, data:) becomes inert. */
export function safeHref(href: string): string {
  return /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href.trim()) ? href.trim() : "#";
}
