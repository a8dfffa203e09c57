import { badInput, edit, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "a title of 5,000 characters with no space in it (it made a page 81,865 px wide)",
  files: {
    [I2024]: edit("leadInspector: Nicki Shaw HMI", `title: ${"W".repeat(5_000)}\nleadInspector: Nicki Shaw HMI`),
  },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "leadInspector:"),
      field: "title",
      says: "should be at most 300 characters long.",
      fix: "Shorten it",
    },
  ],
  build: 1,
});
