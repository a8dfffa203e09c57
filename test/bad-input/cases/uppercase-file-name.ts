import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../fixtures/content.ts";
import { badInput, RESTRUCTURE } from "../corpus.ts";

const FILE = "content/events/oxfordshire/2019 New Director (Café).md";

export default badInput({
  what: "a file name with capitals, spaces, brackets and an accent",
  files: { [FILE]: readFileSync(join(projectRoot, RESTRUCTURE), "utf8") },
  problems: [
    {
      file: FILE,
      line: 1,
      field: "",
      says: "The file name '2019 New Director (Café)' becomes part of web addresses",
      fix: "Rename it like '2019-new-director-cafe'.",
    },
  ],
  build: 1,
});
