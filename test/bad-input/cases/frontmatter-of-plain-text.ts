import { badInput } from "../corpus.ts";

const FILE = "content/events/oxfordshire/2019-note.md";

export default badInput({
  what: "frontmatter that is a sentence, not fields",
  files: { [FILE]: "---\nA note about 2019\n---\nBody.\n" },
  problems: [
    {
      file: FILE,
      line: 2,
      field: "",
      says: "should be a group of fields, indented below it.",
      fix: "Write its fields",
    },
  ],
  build: 1,
});
