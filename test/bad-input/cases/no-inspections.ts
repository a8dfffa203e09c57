import { rmSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "the inspections folder is gone (frameworks, organisations and events are there): the build refuses a site of no inspections",
  setup: (project) => {
    rmSync(join(project, "content/inspections"), { recursive: true });
    rmSync(join(project, "content/events"), { recursive: true });
  },
  problems: [],
  build: 2,
});
