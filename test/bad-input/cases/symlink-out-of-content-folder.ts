import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "a folder of events is a symbolic link to a folder outside the content folder: nothing in it is read",
  setup: (project) => {
    mkdirSync(join(project, "private"));
    writeFileSync(
      join(project, "private/2019-notes.md"),
      "---\norganisation: oxfordshire\ntitle: [secret words\n---\n",
    );
    symlinkSync("../../../private", join(project, "content/events/oxfordshire/private"));
  },
  neverShown: "secret words",
  problems: [
    {
      file: "content/events/oxfordshire/private",
      line: 1,
      column: 1,
      field: "",
      says: "This is a symbolic link to something outside the content folder, so it is not read",
      fix: "Copy the file or folder into the content folder in place of the link",
    },
  ],
  build: 2,
});
