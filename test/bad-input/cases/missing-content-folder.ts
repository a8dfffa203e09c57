import { rmSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "the content folder is not there: nothing is checked, and the published site is not replaced by an empty one",
  setup: (project) => rmSync(join(project, "content"), { recursive: true }),
  misuse: ["There is no content folder content.", "name the folder with --content"],
  problems: [],
  build: 2,
});
