import { badInput, edit, edits, I2024, lineIn } from "../corpus.ts";

const change = edits(
  edit("start: 2024-02-12", "start: 2124-02-12"),
  edit("end: 2024-02-23", "end: 2124-02-23"),
  edit("published: 2024-04-09", "published: 2124-04-09"),
);

export default badInput({
  what: "a visit a century ahead: every date after today is named",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: 3,
      field: "framework",
      says: "ILACS 2023 was in force from 2023-01-01 to 2026-03-31, but this visit started on 2124-02-12.",
      fix: "name it, or correct the visit's dates",
    },
    {
      file: I2024,
      line: lineIn(I2024, "start:"),
      field: "visit.start",
      says: "the visit cannot have happened yet",
      fix: "Correct the date",
    },
    {
      file: I2024,
      line: lineIn(I2024, "end:"),
      field: "visit.end",
      says: "the visit cannot have happened yet",
      fix: "Correct the date",
    },
    {
      file: I2024,
      line: lineIn(I2024, "published:"),
      field: "published",
      says: "the report's publication cannot have happened yet",
      fix: "Correct the date",
    },
  ],
  build: 1,
});
