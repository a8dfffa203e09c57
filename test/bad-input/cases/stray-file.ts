import { badInput } from "../corpus.ts";

export default badInput({
  what: "a file at the top of the content folder, outside every content folder, would be silently ignored",
  files: { "content/notes.md": "---\ntitle: Notes\n---\nTo do.\n" },
  problems: [
    {
      file: "content/notes.md",
      line: 1,
      field: "",
      says: "This file is not in a content folder",
      fix: "Move it into one of: inspectorates, scales, frameworks",
    },
  ],
  build: 1,
});
