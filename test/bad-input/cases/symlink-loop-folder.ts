import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "a symbolic link inside the content folder leads back to a folder it is in",
  setup: (project) => symlinkSync("..", join(project, "content/inspections/oxfordshire/loop")),
  problems: [
    {
      file: "content/inspections/oxfordshire/loop",
      line: 1,
      field: "",
      says: "This symbolic link leads back to a folder it is inside (content/inspections)",
      fix: "Remove the link.",
    },
  ],
  build: 2,
});
