import { chmodSync } from "node:fs";
import { join } from "node:path";
import { badInput, unprivileged } from "../corpus.ts";

export default badInput({
  what: "a folder of content cannot be read (its permissions): a problem, never a site built without it",
  unprivileged: true,
  skip: () => {
    const how = unprivileged();
    return typeof how === "string" ? how : undefined;
  },
  setup: (project) => chmodSync(join(project, "content/events/oxfordshire"), 0o000),
  problems: [
    {
      file: "content/events/oxfordshire",
      line: 1,
      field: "",
      says: "This folder cannot be read: permission is denied",
      fix: "chmod u+rx 'content/events/oxfordshire'",
    },
  ],
  build: 2,
});
