import { badInput, edit, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "a report published in 2099 (for 2009?): check flags it; the build, which never reads the clock, does not",
  files: { [I2024]: edit("published: 2024-04-09", "published: 2099-04-09") },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "published:"),
      field: "published",
      says: "This date is after today (2026-12-01)",
      fix: "Correct the date",
    },
  ],
  build: 0,
});
