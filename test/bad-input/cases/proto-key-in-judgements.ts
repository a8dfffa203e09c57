import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const change = edit("  care-leavers: good\n", "  care-leavers: good\n  __proto__: inadequate\n");

export default badInput({
  what: "a __proto__ key among the judgements",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "__proto__", change),
      column: 3,
      field: "judgements.__proto__",
      says: "'__proto__' cannot be a field",
      fix: "Delete it",
    },
  ],
  build: 1,
});
