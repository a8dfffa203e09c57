import { badInput, edit, lineIn, OXFORDSHIRE } from "../corpus.ts";

const change = edit("region: South East\n", "region: South East\n<<: {kind: Police force}\n");

export default badInput({
  what: "a YAML 1.1 merge key (<<), which YAML 1.2 reads as a field named '<<'",
  files: { [OXFORDSHIRE]: change },
  problems: [
    {
      file: OXFORDSHIRE,
      line: lineIn(OXFORDSHIRE, "<<", change),
      field: "<<",
      says: "'<<' is not a field here.",
      fix: "Fields allowed here: name, kind",
    },
  ],
  build: 1,
});
