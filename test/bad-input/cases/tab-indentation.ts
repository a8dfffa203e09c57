import { badInput, edit, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "a line indented with a tab",
  files: { [I2024]: edit("  care-leavers: good", "\tcare-leavers: good") },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "care-leavers: good"),
      field: "",
      says: "indented with a tab",
      fix: "Indent with spaces",
    },
  ],
  build: 1,
});
