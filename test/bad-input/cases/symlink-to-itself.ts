import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "a symbolic link that points at itself (ELOOP)",
  setup: (project) => symlinkSync("2030-me.md", join(project, "content/events/oxfordshire/2030-me.md")),
  problems: [
    {
      file: "content/events/oxfordshire/2030-me.md",
      line: 1,
      field: "",
      says: "symbolic link that leads round in a loop",
      fix: "Remove the link",
    },
  ],
  build: 2,
});
