import { badInput } from "../corpus.ts";

export default badInput({
  what: "an empty site.yaml: every setting it needs, asked for at once",
  files: { "site.yaml": "" },
  problems: ["description", "licence", "publisher", "title", "url"].map((field) => ({
    file: "site.yaml",
    line: 1,
    field,
    says: "This field is required and is missing.",
    fix: `Add '${field}:'`,
  })),
  build: 1,
});
