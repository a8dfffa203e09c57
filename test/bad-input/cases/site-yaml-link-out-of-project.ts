import { existsSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "site.yaml is a symbolic link to /etc/passwd: not read, and never quoted",
  setup: (project) => {
    rmSync(join(project, "site.yaml"));
    symlinkSync("/etc/passwd", join(project, "site.yaml"));
  },
  skip: () => (existsSync("/etc/passwd") ? undefined : "there is no /etc/passwd to link to"),
  neverShown: "root:",
  problems: [
    {
      file: "site.yaml",
      line: 1,
      column: 1,
      field: "",
      says: "site.yaml is a symbolic link to a file outside the project folder, so it is not read.",
      fix: "Copy the settings into site.yaml",
    },
  ],
  build: 2,
});
