import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const change = edit("leadInspector:", `title:\n  ${"- ".repeat(2_000)}x\nleadInspector:`);

export default badInput({
  what: "lists nested 2,000 deep on one line ('- - - ... x')",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "title:", change) + 1,
      field: "",
      says: "nested",
      fix: "Content needs a few levels at most",
    },
  ],
  build: 1,
});
