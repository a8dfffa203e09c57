import { badInput, edit, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "30 February",
  files: { [I2024]: edit("end: 2024-02-23", "end: 2024-02-30") },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "end: 2024-02-23"),
      field: "visit.end",
      says: "should be a date that exists in the calendar.",
      fix: "Correct it",
    },
  ],
  build: 1,
});
