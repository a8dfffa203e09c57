import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../fixtures/content.ts";
import { badInput, RESTRUCTURE } from "../corpus.ts";

const FILE = "content/events/oxfordshire/2019-director.markdown";

export default badInput({
  what: "a Markdown file ending .markdown",
  files: { [FILE]: readFileSync(join(projectRoot, RESTRUCTURE), "utf8") },
  problems: [
    {
      file: FILE,
      line: 1,
      field: "",
      says: "Markdown files ending .md, and this one is not.",
      fix: "Rename it to end .md",
    },
  ],
  build: 1,
});
