import { badInput, edit, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "a summary of 6,000 characters, over the 5,000 a summary may have",
  files: { [I2024]: edit("  Good in every area,", `  ${"Good in every area. ".repeat(300)}Good in every area,`) },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "summary:"),
      field: "summary",
      says: "should be at most 5,000 characters long.",
      fix: "Shorten it",
    },
  ],
  build: 1,
});
