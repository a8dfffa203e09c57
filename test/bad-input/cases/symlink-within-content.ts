import { mkdirSync, renameSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "an organisation's events folder is a symbolic link to a folder inside the content folder: read as if it were there",
  setup: (project) => {
    mkdirSync(join(project, "content/events/.kept"));
    renameSync(join(project, "content/events/oxfordshire"), join(project, "content/events/.kept/oxfordshire"));
    symlinkSync(".kept/oxfordshire", join(project, "content/events/oxfordshire"));
  },
  problems: [],
  build: 0,
});
