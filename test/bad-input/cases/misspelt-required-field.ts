import { badInput, edit, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "a required field misspelt ('publised'): told once, as the misspelling, not also as missing",
  files: { [I2024]: edit("published:", "publised:") },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "published:"),
      field: "publised",
      says: "'publised' is not a field here.",
      fix: "Did you mean 'published'?",
    },
  ],
  build: 1,
});
