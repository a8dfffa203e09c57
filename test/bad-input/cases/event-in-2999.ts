import { badInput, edit, lineIn, RESTRUCTURE } from "../corpus.ts";

export default badInput({
  what: "an event dated 2999",
  files: { [RESTRUCTURE]: edit("date: 2017", "date: 2999") },
  problems: [
    {
      file: RESTRUCTURE,
      line: lineIn(RESTRUCTURE, "date:"),
      field: "date",
      says: "the event cannot have happened yet",
      fix: "an event once it has happened",
    },
  ],
  build: 0,
});
