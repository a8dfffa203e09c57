import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "an event a thousand folders deep: read like any other, no crash",
  setup: (project) => {
    const folder = join(project, "content/events/oxfordshire", ...Array.from({ length: 1000 }, () => "a"));
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, "2016-deep.md"),
      "---\norganisation: oxfordshire\ntitle: A deep event\ndate: 2016\n---\n",
    );
  },
  problems: [],
  build: 0,
});
