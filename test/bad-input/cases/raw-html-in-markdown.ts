import { badInput, I2024, lineIn, OXFORDSHIRE, RESTRUCTURE } from "../corpus.ts";

const embed = (text: string) =>
  `${text.trimEnd()}\n\nWatch the council's response:\n<iframe width="560" src="https://www.youtube-nocookie.com/embed/abc"></iframe>\n`;
const table = (text: string) => `${text.trimEnd()}\n\n<table>\n<tr><td>2018</td><td>Good</td></tr>\n</table>\n`;
const comment = (text: string) => `${text.trimEnd()}\n<!-- ask the press office for the date -->\n`;

export default badInput({
  what: "raw HTML in Markdown while site.yaml does not allow it: an iframe in a paragraph, a table, an HTML comment",
  files: { [I2024]: embed, [OXFORDSHIRE]: table, [RESTRUCTURE]: comment },
  problems: [
    {
      file: RESTRUCTURE,
      line: lineIn(RESTRUCTURE, "<!--", comment),
      field: "body",
      says: "An HTML comment is not allowed in the Markdown here",
      fix: "Delete it",
    },
    {
      file: I2024,
      line: lineIn(I2024, "<iframe", embed),
      column: 1,
      field: "body",
      says: ["Raw HTML is not allowed in the Markdown here", '\'<iframe width="560"'],
      fix: ["write it in Markdown", "allowHtmlInMarkdown: true"],
    },
    {
      file: OXFORDSHIRE,
      line: lineIn(OXFORDSHIRE, "<table>", table),
      field: "body",
      says: "'<table>'",
      fix: "Remove it",
    },
  ],
  build: 1,
});
