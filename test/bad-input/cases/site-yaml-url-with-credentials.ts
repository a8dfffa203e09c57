import { badInput, edit } from "../corpus.ts";

export default badInput({
  what: "site.yaml's url carries a user name, a password and a query",
  files: { "site.yaml": edit("url: https://example.org", "url: https://admin:secret@example.org/?utm=1") },
  problems: [
    {
      file: "site.yaml",
      line: 6,
      field: "url",
      says: "with no user name, query (?) or fragment (#)",
      fix: "Correct it to that form.",
    },
  ],
  build: 1,
});
