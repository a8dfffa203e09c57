import { badInput, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "an explainer body of 150,000 characters (a whole report pasted in)",
  files: { [I2024]: (text) => `${text}${"The report says more. ".repeat(7_000)}\n` },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "Six years after the 2018 inspection"),
      field: "",
      says: "The Markdown after the frontmatter is",
      fix: "link to the report for the rest",
    },
  ],
  build: 1,
});
