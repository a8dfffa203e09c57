import { chmodSync } from "node:fs";
import { join } from "node:path";
import { badInput, unprivileged, I2018 } from "../corpus.ts";

export default badInput({
  what: "a content file cannot be read (its permissions)",
  unprivileged: true,
  skip: () => {
    const how = unprivileged();
    return typeof how === "string" ? how : undefined;
  },
  setup: (project) => chmodSync(join(project, I2018), 0o000),
  problems: [
    {
      file: I2018,
      line: 1,
      field: "",
      says: "This file cannot be read: permission is denied",
      fix: `chmod u+r '${I2018}'`,
    },
  ],
  build: 2,
});
