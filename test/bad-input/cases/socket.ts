import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

const bind = "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])";

export default badInput({
  what: "a socket where a file should be: refused from what it is, never opened",
  setup: (project) => {
    const made = spawnSync("python3", ["-c", bind, join(project, "content/events/oxfordshire/2019-socket.md")]);
    if (made.status !== 0) throw new Error(`binding a socket failed: ${made.stderr}`);
  },
  skip: () => (spawnSync("python3", ["--version"]).error ? "python3 is not installed to make a socket" : undefined),
  problems: [
    {
      file: "content/events/oxfordshire/2019-socket.md",
      line: 1,
      field: "",
      says: "This is a socket, not a file",
      fix: "Remove it from the content folder.",
    },
  ],
  build: 2,
});
