import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const change = edit("  care-leavers: good\n", "  care-leavers: good\n  constructor: good\n");

export default badInput({
  what: "a judgement of an area called 'constructor', a word every JavaScript object has: a problem, never a grade found where none was written",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "constructor:", change),
      field: "judgements.constructor",
      says: "'constructor' cannot be an id: JavaScript keeps the word for itself",
      fix: "Rename it",
    },
  ],
  build: 1,
});
