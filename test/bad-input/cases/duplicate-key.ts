import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const change = edit("leadInspector: Nicki Shaw HMI\n", "leadInspector: Nicki Shaw HMI\nleadInspector: Someone Else\n");

export default badInput({
  what: "a field written twice: the key is named, with the line of the first, and the rest of the file is still checked",
  files: { [I2024]: (text) => change(text).replace("help-and-protection: good", "help-and-protection: goood") },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "Someone Else", change),
      field: "",
      says: `'leadInspector' is written twice in the same group (first on line ${lineIn(I2024, "Nicki Shaw")})`,
      fix: "Keep one 'leadInspector:'",
    },
    {
      file: I2024,
      line: lineIn(I2024, "help-and-protection: good", change),
      field: "judgements.help-and-protection",
      says: "'goood' is not a grade",
      fix: "Did you mean 'good'?",
    },
  ],
  build: 1,
});
