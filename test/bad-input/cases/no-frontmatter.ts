import { badInput, RESTRUCTURE } from "../corpus.ts";

export default badInput({
  what: "a Markdown file whose frontmatter lost its opening '---'",
  files: { [RESTRUCTURE]: (text) => text.replace(/^---\n/, "") },
  problems: [
    {
      file: RESTRUCTURE,
      line: 1,
      field: "",
      says: "The file does not start with frontmatter.",
      fix: "Start it with a line '---'",
    },
  ],
  build: 1,
});
