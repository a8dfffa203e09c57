import { badInput, edit, I2024 } from "../corpus.ts";

export default badInput({
  what: "raw HTML in Markdown where site.yaml allows it (allowHtmlInMarkdown: true): no problem, and the site builds",
  files: {
    "site.yaml": edit("allowHtmlInMarkdown: false", "allowHtmlInMarkdown: true"),
    [I2024]: (text) =>
      `${text.trimEnd()}\n\n<details><summary>The grades in 2018</summary>\nGood overall.\n</details>\n`,
  },
  problems: [],
  build: 0,
});
