import { badInput, edit, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "a terminal colour sequence (ESC [31m) in a summary: refused, and never printed raw to the terminal",
  files: { [I2024]: edit("  Good in every area,", "  \u001b[31mGood\u001b[0m in every area,") },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "Good in every area,"),
      column: 3,
      field: "",
      says: "2 control characters, the first U+001B (escape (ESC))",
      fix: "Delete it",
    },
  ],
  build: 1,
});
