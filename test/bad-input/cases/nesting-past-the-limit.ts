import { badInput, edit, lineIn, OXFORDSHIRE } from "../corpus.ts";

const change = edit("region: South East", `region: ${"[".repeat(30)}South East${"]".repeat(30)}`);

export default badInput({
  what: "lists nested 30 deep: more than the 20 levels content may use",
  files: { [OXFORDSHIRE]: change },
  problems: [
    {
      file: OXFORDSHIRE,
      line: lineIn(OXFORDSHIRE, "region:", change),
      field: "region[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]",
      says: "nested more than 20 levels deep here",
      fix: "Content needs a few levels at most",
    },
  ],
  build: 1,
});
