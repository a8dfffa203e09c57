import { badInput, edit, edits, I2024, lineIn } from "../corpus.ts";

const change = edits(
  edit("leadInspector:", "leadInspecter:"),
  edit("children-in-care: good", "children-in-care: Good"),
);

export default badInput({
  what: "a misspelt field and a grade in capitals in one file: both in one pass",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "leadInspector:"),
      field: "leadInspecter",
      says: "'leadInspecter' is not a field here.",
      fix: "Did you mean 'leadInspector'?",
    },
    {
      file: I2024,
      line: lineIn(I2024, "children-in-care: good"),
      field: "judgements.children-in-care",
      says: "'Good' is not a grade",
      fix: "Did you mean 'good'?",
    },
  ],
  build: 1,
});
