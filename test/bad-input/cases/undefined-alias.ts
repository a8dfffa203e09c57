import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const change = edit("leadInspector: Nicki Shaw HMI", "leadInspector: *inspector");

export default badInput({
  what: "an alias (*inspector) with no anchor",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "*inspector", change),
      field: "",
      says: "'*inspector' repeats a value marked '&inspector'",
      fix: "Mark the value with '&inspector'",
    },
  ],
  build: 1,
});
