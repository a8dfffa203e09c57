import { badInput, edit, lineIn, OXFORDSHIRE } from "../corpus.ts";

const change = edit("region: South East", "region: !region South East");

export default badInput({
  what: "a custom YAML tag (!region)",
  files: { [OXFORDSHIRE]: change },
  problems: [
    {
      file: OXFORDSHIRE,
      line: lineIn(OXFORDSHIRE, "region:", change),
      column: 9,
      field: "region",
      says: "'!region' is a YAML tag",
      fix: "Delete '!region'",
    },
  ],
  build: 1,
});
