import { badInput, edit } from "../corpus.ts";

export default badInput({
  what: "site.yaml with an unclosed quote",
  files: { "site.yaml": edit("title: Inspection explainers", 'title: "Inspection explainers') },
  problems: [
    {
      file: "site.yaml",
      line: 2,
      column: 8,
      field: "",
      says: 'opens a " quote that is never closed',
      fix: 'Add the closing "',
    },
  ],
  build: 1,
});
