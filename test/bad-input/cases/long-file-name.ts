import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../fixtures/content.ts";
import { badInput, RESTRUCTURE } from "../corpus.ts";

const name = `2017-${"restructure-".repeat(12)}again`;

export default badInput({
  what: "a file name of 150 characters: it becomes a folder name in the site",
  files: { [`content/events/oxfordshire/${name}.md`]: readFileSync(join(projectRoot, RESTRUCTURE), "utf8") },
  problems: [
    {
      file: `content/events/oxfordshire/${name}.md`,
      line: 1,
      field: "",
      says: `The file name is ${name.length} characters long`,
      fix: "Rename it with a shorter name",
    },
  ],
  build: 1,
});
