import { badInput, edit, lineIn, OXFORDSHIRE } from "../corpus.ts";

export default badInput({
  what: "a C1 control character (U+0085, next line) in an organisation's region",
  files: { [OXFORDSHIRE]: edit("region: South East", "region: South\u0085East") },
  problems: [
    {
      file: OXFORDSHIRE,
      line: lineIn(OXFORDSHIRE, "region:"),
      column: 14,
      field: "",
      says: "U+0085",
      fix: "Delete it",
    },
  ],
  build: 1,
});
