import { badInput, edit, lineIn, OXFORDSHIRE } from "../corpus.ts";

const change = edit("region: South East\n", "region: South East\n__proto__:\n  polluted: yes\n");

export default badInput({
  what: "a __proto__ key: reported, not dropped in silence",
  files: { [OXFORDSHIRE]: change },
  problems: [
    {
      file: OXFORDSHIRE,
      line: lineIn(OXFORDSHIRE, "__proto__", change),
      column: 1,
      field: "__proto__",
      says: "'__proto__' cannot be a field",
      fix: "Delete it",
    },
  ],
  build: 1,
});
