import { badInput, edit, FOUR_POINT, lineIn } from "../corpus.ts";

const change = edit("    label: Inadequate", "    label: Good");

export default badInput({
  what: "a scale whose labels repeat ('Good' on inadequate)",
  files: { [FOUR_POINT]: change },
  problems: [
    {
      file: FOUR_POINT,
      line: lineIn(FOUR_POINT, "label: Inadequate"),
      field: "grades[3].label",
      says: "'Good' is also how 'good' is shown, so readers could not tell 'inadequate' from it.",
      fix: "Give each grade and state its own label",
    },
  ],
  build: 1,
});
