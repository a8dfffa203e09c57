import { existsSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "a link to a device (/dev/zero, endless) where a file should be: refused from what it is, never opened",
  setup: (project) => symlinkSync("/dev/zero", join(project, "content/events/oxfordshire/2019-zero.md")),
  skip: () => (existsSync("/dev/zero") ? undefined : "there is no /dev/zero"),
  problems: [
    {
      file: "content/events/oxfordshire/2019-zero.md",
      line: 1,
      field: "",
      says: "This is a device, not a file",
      fix: "Remove it from the content folder.",
    },
  ],
  build: 2,
});
