import { badInput } from "../corpus.ts";

export default badInput({
  what: "an empty Markdown file",
  files: { "content/events/oxfordshire/2019-empty.md": "" },
  problems: [
    {
      file: "content/events/oxfordshire/2019-empty.md",
      line: 1,
      field: "",
      says: "The file does not start with frontmatter.",
      fix: "Start it with a line '---'",
    },
  ],
  build: 1,
});
