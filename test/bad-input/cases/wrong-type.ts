import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const change = edit("leadInspector: Nicki Shaw HMI", "leadInspector:\n  - Nicki Shaw HMI\n  - Someone Else");

export default badInput({
  what: "a list where one line of text belongs",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "leadInspector:", change),
      field: "leadInspector",
      says: "should be text.",
      fix: "Write the text after the colon",
    },
  ],
  build: 1,
});
