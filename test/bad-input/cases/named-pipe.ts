import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "a named pipe where a file should be: check neither hangs nor crashes",
  setup: (project) => {
    const made = spawnSync("mkfifo", [join(project, "content/events/oxfordshire/2019-pipe.md")]);
    if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  },
  skip: () => (spawnSync("mkfifo", ["--version"]).error ? "mkfifo is not installed" : undefined),
  problems: [
    {
      file: "content/events/oxfordshire/2019-pipe.md",
      line: 1,
      field: "",
      says: "This is a named pipe, not a file",
      fix: "Remove it from the content folder.",
    },
  ],
  build: 2,
});
