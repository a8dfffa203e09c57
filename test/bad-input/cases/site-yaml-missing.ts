import { rmSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "site.yaml is not there: a problem in words, not a raw ENOENT",
  setup: (project) => rmSync(join(project, "site.yaml")),
  problems: [
    {
      file: "site.yaml",
      line: 1,
      field: "",
      says: "There is no site.yaml in the project folder",
      fix: "Run the command from the project folder",
    },
  ],
  build: 2,
});
