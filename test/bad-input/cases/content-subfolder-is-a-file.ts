import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "events, which should be a folder, is a file",
  setup: (project) => {
    rmSync(join(project, "content/events"), { recursive: true });
    writeFileSync(join(project, "content/events"), "organisation: oxfordshire\n");
  },
  problems: [
    {
      file: "content/events",
      line: 1,
      field: "",
      says: "events should be a folder of files, and this is a file.",
      fix: "Move it into a folder named events.",
    },
  ],
  build: 1,
});
