import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const change = edit("leadInspector:", `title: ${"[".repeat(2_000)}${"]".repeat(2_000)}\nleadInspector:`);

export default badInput({
  what: "lists nested 2,000 deep in brackets: a problem at the line, not a stack overflow",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "title:", change),
      field: "",
      says: "nested",
      fix: "Content needs a few levels at most",
    },
  ],
  build: 1,
});
