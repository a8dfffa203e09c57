import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const change = edit("summary: >-", 'summary: "Good in every area,');

export default badInput({
  what: "a quote opened and never closed: told where it opens, not where the file ends",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "summary:", change),
      column: 10,
      field: "",
      says: 'opens a " quote that is never closed',
      fix: 'Add the closing "',
    },
  ],
  build: 1,
});
