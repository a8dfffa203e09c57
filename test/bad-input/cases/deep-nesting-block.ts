import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const levels = Array.from({ length: 1_000 }, (_, depth) => `${" ".repeat(depth + 1)}a:`).join("\n");
const change = edit("leadInspector:", `title:\n${levels}\nleadInspector:`);

export default badInput({
  what: "groups of fields nested 1,000 deep by indentation (deeper ones threw a RangeError from the parser)",
  files: { [I2024]: change },
  // The line where the nesting passes the limit.
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "title:", change) + 20,
      field: "",
      says: "nested",
      fix: "Content needs a few levels at most",
    },
  ],
  build: 1,
});
