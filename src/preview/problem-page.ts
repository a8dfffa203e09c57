/**
 * The page the live preview shows at every address while the content has problems: each
 * problem with its file, line, column, field and sentence, and the line quoted, as
 * `npm run check` prints them (the quote from problem-quote.ts). One self-contained
 * document (its own small stylesheet), so it works whatever state the site's own files
 * are in. Everything from content is escaped by `html`.
 */
import { plural } from "../model/labels.ts";
import { html, type SafeHtml } from "../render/html.ts";
import { problemQuote, type LinesOf } from "../content/problem-quote.ts";
import { foundText, printable, type ContentProblem } from "../content/problems.ts";

const STYLE = html`
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; color: #0b0c0c; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; border-left: 0.5rem solid #d4351c; padding-left: 0.75rem; }
h2 { font-size: 1.125rem; margin-top: 2rem; overflow-wrap: anywhere; }
ol { padding-left: 1.25rem; }
li { margin-bottom: 1rem; }
li p { margin: 0.25rem 0; overflow-wrap: anywhere; }
pre { background: #f3f2f1; padding: 0.5rem; overflow-x: auto; margin: 0.25rem 0 0; }
.where { font-weight: bold; }
.caret { color: #d4351c; font-weight: bold; }
`;

function problemItem(problem: ContentProblem, linesOf: LinesOf): SafeHtml {
  const quote = problemQuote(problem, linesOf);
  const gutter = `${problem.line} | `;
  const caret =
    quote?.caretLead === undefined
      ? ""
      : html`\n${" ".repeat(gutter.length)}${quote.caretLead}<span class="caret">^</span>`;
  const fix = problem.fix ? html`<p class="fix"><strong>To fix:</strong> ${problem.fix}</p>` : "";
  return html`<li><p><span class="where">Line ${problem.line}, column ${problem.column}</span>${problem.field ? html` <code>${problem.field}</code>` : ""}: ${problem.message}${foundText(problem)}</p>${fix}${quote ? html`<pre><code>${gutter}${quote.text}${caret}</code></pre>` : ""}</li>`;
}

/** The whole page, for problems sorted by file (as the content checks return them). */
export function problemsPage(problems: readonly ContentProblem[], linesOf: LinesOf, language = "en-GB"): string {
  const files = [...new Set(problems.map((problem) => problem.file))];
  const heading = `The content has ${plural(problems.length, "problem")} in ${plural(files.length, "file")}`;
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading}: live preview</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${heading}</h1>
<p>Until they are fixed, the preview shows this page at every address. Fix a file and save it: this page reloads by itself, and the site comes back when nothing is left. <code>npm run check</code> lists the same problems.</p>
${files.map(
  (file) => html`<section>
<h2><code>${printable(file)}</code></h2>
<ol>
${problems.filter((problem) => problem.file === file).map((problem) => problemItem(problem, linesOf))}
</ol>
</section>
`,
)}</main>
</body>
</html>
`.toString();
}
