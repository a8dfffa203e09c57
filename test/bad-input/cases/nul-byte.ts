import { badInput, edit, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "a NUL byte in the middle of a name (pasted from a PDF)",
  files: { [I2024]: edit("Nicki Shaw", "Nicki\u0000Shaw") },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "Nicki Shaw"),
      column: 21,
      field: "",
      says: "a control character, U+0000 (NUL)",
      fix: "Delete it",
    },
  ],
  build: 1,
});
