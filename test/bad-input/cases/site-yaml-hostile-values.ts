import { badInput, edit, edits } from "../corpus.ts";

const change = edits(
  edit("language: en-GB", 'language: "en-GB\\"><script>alert(1)</script>"'),
  edit("allowHtmlInMarkdown: false", "allowHtmlInMarkdown: yes"),
  edit("pathPrefix: /", "pathPrefix: /../../etc/"),
);

export default badInput({
  what: "site.yaml with a language that closes its attribute, a path prefix that climbs out, and 'yes' for true",
  files: { "site.yaml": change },
  problems: [
    {
      file: "site.yaml",
      line: 9,
      field: "pathPrefix",
      says: "should be a path that starts and ends with '/', like / or /explainers/.",
      fix: "Correct it",
    },
    { file: "site.yaml", line: 10, field: "language", says: "should be a language tag like en-GB.", fix: "Correct it" },
    {
      file: "site.yaml",
      line: 16,
      field: "allowHtmlInMarkdown",
      says: "should be true or false.",
      fix: "Write true or false",
    },
  ],
  build: 1,
});
