import { badInput, edit, lineIn, OXFORDSHIRE } from "../corpus.ts";

const change = edit('codes:\n  ons: E10000025\n  ofstedUrn: "80536"\n', 'codes: {ons: E10000025, ofstedUrn: "80536"\n');

export default badInput({
  what: "a group in braces left open ('{ons: ...')",
  files: { [OXFORDSHIRE]: change },
  problems: [
    {
      file: OXFORDSHIRE,
      line: lineIn(OXFORDSHIRE, "codes:", change),
      column: 8,
      field: "",
      says: "The group opened with '{' here is never closed with '}'",
      fix: "Add the '}'",
    },
  ],
  build: 1,
});
