import { closeSync, ftruncateSync, openSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

const FILE = "content/events/oxfordshire/2019-huge.md";

export default badInput({
  what: "a 10 GB sparse file in the content folder: refused from its size, without reading it (it took 130 s to count its lines)",
  setup: (project) => {
    const descriptor = openSync(join(project, FILE), "w");
    ftruncateSync(descriptor, 10_000_000_000);
    closeSync(descriptor);
  },
  problems: [
    {
      file: FILE,
      line: 1,
      field: "",
      says: [
        "This file is 10,000 MB; a content file may be at most 1 MB, so it is not read.",
        "the rest was not looked at",
      ],
      fix: "Shorten it",
    },
  ],
  build: 2,
});
