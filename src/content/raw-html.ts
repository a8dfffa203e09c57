/**
 * Raw HTML in a file's Markdown. Pages render Markdown with raw HTML off unless site.yaml
 * sets `allowHtmlInMarkdown: true` (src/render/markdown.ts), so an `<iframe>` or a
 * `<!-- note -->` would be shown to readers as text: a problem, named at its line, rather
 * than escaped output on the page. What counts as HTML is what markdown-it reads as HTML
 * when it is allowed (its `html_block` and `html_inline` tokens), parsed as the renderer
 * (src/render/markdown.ts, which src/content does not import) parses with HTML on: an
 * autolink `<https://...>` or "fewer than <5" is not HTML, and is not named.
 *
 * Found for every file whatever the setting (load.ts keeps them with the file); the check
 * reports them only when HTML is not allowed (index.ts).
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import type { ContentProblem } from "./problems.ts";
import type { SourceFile } from "./read-file.ts";

interface Token {
  type: string;
  content: string;
  map: [number, number] | null;
  children: Token[] | null;
}

/** The HTML markdown-it finds in `body`, by line (from 0) of the body, the first on each line. */
function htmlByLine(md: MarkdownIt, body: string): Map<number, string> {
  const found = new Map<number, string>();
  const note = (line: number, html: string) => {
    if (!found.has(line)) found.set(line, html);
  };
  for (const token of md.parse(body, {}) as Token[]) {
    if (token.type === "html_block" && token.map) note(token.map[0], token.content.split("\n")[0]!);
    if (token.type !== "inline" || !token.map || !token.children) continue;
    let line = token.map[0];
    for (const child of token.children) {
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      else if (child.type === "html_inline") note(line, child.content);
    }
  }
  return found;
}

function problemFor(file: SourceFile, bodyLine: number, bodyLines: readonly string[], line: number, html: string): ContentProblem {
  const text = bodyLines[line] ?? "";
  const at = text.indexOf(html.trim());
  const shown = html.trim().length > 60 ? `${html.trim().slice(0, 60)}…` : html.trim();
  const comment = shown.startsWith("<!--");
  return {
    file: file.path,
    line: bodyLine + line,
    column: at >= 0 ? at + 1 : 1,
    field: "body",
    message: comment
      ? `An HTML comment is not allowed in the Markdown here: readers would see '${shown}' as text.`
      : `Raw HTML is not allowed in the Markdown here: readers would see '${shown}' as text, not as HTML.`,
    fix: comment
      ? "Delete it; a note for editors can go in the frontmatter as a YAML comment (a line starting #)."
      : "Remove it, or write it in Markdown: a link is [words](https://...), bold is **words**. Only a site that trusts every editor sets 'allowHtmlInMarkdown: true' in site.yaml.",
    found: JSON.stringify(shown),
  };
}

let parser: MarkdownIt | undefined;

/** The raw HTML in a file's Markdown body (starting on line `bodyLine`), one problem per line holding some. */
export function rawHtmlProblems(file: SourceFile, bodyLine: number): ContentProblem[] {
  // No '<', no HTML: most bodies are never parsed.
  if (!file.body.includes("<")) return [];
  // Made once, when first needed; it keeps nothing between files.
  parser ??= markdownIt({ html: true, linkify: false });
  const lines = file.body.split("\n");
  return [...htmlByLine(parser, file.body)].map(([line, html]) => problemFor(file, bodyLine, lines, line, html));
}
