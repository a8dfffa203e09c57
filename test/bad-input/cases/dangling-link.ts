import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "a symbolic link to a file that has been deleted",
  setup: (project) =>
    symlinkSync("../../../elsewhere/2019-gone.md", join(project, "content/events/oxfordshire/2019-gone.md")),
  problems: [
    {
      file: "content/events/oxfordshire/2019-gone.md",
      line: 1,
      field: "",
      says: "symbolic link to something that does not exist",
      fix: "Remove the link, or point it at the file",
    },
  ],
  build: 2,
});
