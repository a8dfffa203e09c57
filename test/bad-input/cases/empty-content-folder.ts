import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "the content folder is empty: nothing is wrong with it, but the build will not replace a site with an empty one",
  setup: (project) => {
    rmSync(join(project, "content"), { recursive: true });
    mkdirSync(join(project, "content"));
  },
  problems: [],
  build: 2,
});
