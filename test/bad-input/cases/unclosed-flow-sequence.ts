import { badInput, edit, I2018, lineIn } from "../corpus.ts";

const change = edit("leadInspector:", "title: Short inspection\nimprovementz: [one, two\nleadInspector:");

export default badInput({
  what: "a list in brackets left open ('[one, two'): told on its own line, not the line after",
  files: { [I2018]: change },
  problems: [
    {
      file: I2018,
      line: lineIn(I2018, "improvementz", change),
      column: 15,
      field: "",
      says: "The list opened with '[' here is never closed with ']'",
      fix: "Add the ']' at the end of the line",
    },
  ],
  build: 1,
});
