import { badInput, edit, FOUR_POINT, lineIn } from "../corpus.ts";

const id = `good-${"very-".repeat(30)}good`;

export default badInput({
  what: "a grade id of 160 characters (it becomes a folder name in the site)",
  files: { [FOUR_POINT]: edit("  - id: good\n", `  - id: ${id}\n`) },
  problems: [
    {
      file: FOUR_POINT,
      line: lineIn(FOUR_POINT, "- id: good"),
      field: "grades[1].id",
      says: "should be an id of at most 100 characters.",
      fix: "Shorten it.",
    },
  ],
  build: 1,
});
