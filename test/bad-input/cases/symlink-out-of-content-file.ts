import { existsSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "a YAML file in the content folder is a symbolic link to /etc/passwd: not read, and never quoted",
  setup: (project) => symlinkSync("/etc/passwd", join(project, "content/scales/passwords.yaml")),
  skip: () => (existsSync("/etc/passwd") ? undefined : "there is no /etc/passwd to link to"),
  neverShown: "root:",
  problems: [
    {
      file: "content/scales/passwords.yaml",
      line: 1,
      column: 1,
      field: "",
      says: "This is a symbolic link to something outside the content folder, so it is not read",
      fix: "Copy the file or folder into the content folder in place of the link, or remove the link.",
    },
  ],
  build: 2,
});
