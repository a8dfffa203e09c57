import { badInput, edit, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "a 10 MB summary pasted into a file: the file is not read, and the line that makes it so large is named",
  files: { [I2024]: edit("  Good in every area,", `  ${"Good in every area. ".repeat(500_000)}Good in every area,`) },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "Good in every area,"),
      field: "",
      says: [
        "This file is 10 MB; a content file may be at most 1 MB",
        `Line ${lineIn(I2024, "Good in every area,")} alone is 10,000,`,
      ],
      fix: "Shorten it",
    },
  ],
  build: 2,
});
