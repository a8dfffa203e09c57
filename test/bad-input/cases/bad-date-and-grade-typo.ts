import { badInput, edit, edits, I2024, lineIn } from "../corpus.ts";

const change = edits(
  edit("published: 2024-04-09", "published: 09/04/2024"),
  edit("care-leavers: good", "care-leavers: goood"),
);

export default badInput({
  what: "a date written the British way and a misspelt grade in one file: both in one pass",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "published:"),
      field: "published",
      says: "should be a date written YYYY-MM-DD, like 2024-02-12.",
      fix: "Correct it to that form.",
    },
    {
      file: I2024,
      line: lineIn(I2024, "care-leavers: good"),
      field: "judgements.care-leavers",
      says: "'goood' is not a grade on the Ofsted four-point scale.",
      fix: "Did you mean 'good'?",
    },
  ],
  build: 1,
});
