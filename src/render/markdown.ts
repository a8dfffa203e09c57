/**
 * The one markdown-it instance editors' Markdown goes through. Raw HTML is off unless a
 * site opts in (docs/domain.md, "What every page keeps to"); markdown-it's own link validation already
 * refuses javascript:, vbscript: and file: links.
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import { trusted, type SafeHtml } from "./html.ts";

export interface MarkdownOptions {
  /** Let editors write raw HTML in Markdown. Off by default: only for sites that trust every editor. */
  allowHtml?: boolean;
  /** Headings two levels down, below a page's own h1 and h2s (an explainer's); on unless said. */
  demoteHeadings?: boolean;
}

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const md = markdownIt({ html: options.allowHtml ?? false, linkify: false, typographer: true });
  if (options.demoteHeadings === false) return md;
  // Headings inside an explainer sit below the page's own h1 and section h2s.
  md.core.ruler.push("demote_headings", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        const level = Math.min(6, Number(token.tag.slice(1)) + 2);
        token.tag = `h${level}`;
      }
    }
  });
  return md;
}

export function renderMarkdown(source: string, md: MarkdownIt = markdownFor({})): SafeHtml {
  return trusted(md.render(source));
}

const bySetting = new Map<boolean, MarkdownIt>();

/** The markdown-it instance for a site's `allowHtmlInMarkdown` setting, made once. */
export function markdownFor(site: { allowHtmlInMarkdown?: boolean }): MarkdownIt {
  const allowHtml = site.allowHtmlInMarkdown ?? false;
  let md = bySetting.get(allowHtml);
  if (!md) bySetting.set(allowHtml, (md = createMarkdown({ allowHtml })));
  return md;
}
