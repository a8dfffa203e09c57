import { badInput, edit } from "../corpus.ts";

export default badInput({
  what: "site.yaml with a misspelt field: both the misspelling and the missing field in one pass",
  files: { "site.yaml": edit("title: Inspection explainers", "titel: Inspection explainers") },
  problems: [
    { file: "site.yaml", line: 1, field: "title", says: "This field is required and is missing.", fix: "Add 'title:'" },
    { file: "site.yaml", line: 2, field: "titel", says: "'titel' is not a field here.", fix: "Did you mean 'title'?" },
  ],
  build: 1,
});
