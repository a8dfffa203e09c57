import { badInput, edit, I2018, lineIn } from "../corpus.ts";

const change = edit("        value: 500", "        value: .nan");

export default badInput({
  what: "a figure's value that is not a number (.nan)",
  files: { [I2018]: change },
  problems: [
    {
      file: I2018,
      line: lineIn(I2018, "value: 500"),
      field: "figures[0].values[0].value",
      says: "should be a number.",
      fix: "Write a number",
    },
  ],
  build: 1,
});
