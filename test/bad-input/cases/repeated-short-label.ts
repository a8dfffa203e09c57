import { badInput, edit, FOUR_POINT, lineIn } from "../corpus.ts";

const change = edit("    short: Requires improvement", "    short: good");

export default badInput({
  what: "a grade's short label the same as another grade's label (as readers see it, whatever the case)",
  files: { [FOUR_POINT]: change },
  problems: [
    {
      file: FOUR_POINT,
      line: lineIn(FOUR_POINT, "short: Requires improvement"),
      field: "grades[2].short",
      says: "'good' is also how 'good' is shown",
      fix: "Give each grade and state its own label",
    },
  ],
  build: 1,
});
