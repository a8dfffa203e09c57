import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "site.yaml is a folder",
  setup: (project) => {
    rmSync(join(project, "site.yaml"));
    mkdirSync(join(project, "site.yaml"));
  },
  problems: [
    { file: "site.yaml", line: 1, field: "", says: "This is not a regular file, not a file", fix: "Remove it" },
  ],
  build: 2,
});
