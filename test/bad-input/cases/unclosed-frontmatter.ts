import { badInput, RESTRUCTURE } from "../corpus.ts";

export default badInput({
  what: "the closing '---' of the frontmatter is missing: it is named, not a YAML error somewhere in the Markdown",
  files: { [RESTRUCTURE]: (text) => text.replace("\n---\n", "\n\n") },
  problems: [
    {
      file: RESTRUCTURE,
      line: 1,
      field: "",
      says: "The frontmatter opened by the '---' on line 1 is never closed",
      fix: "Add a line '---' after the last field",
    },
  ],
  build: 1,
});
