import { badInput } from "../corpus.ts";

export default badInput({
  what: "a folder beside the content folders (a misspelt 'inspection'): one problem for the folder, with the one meant",
  files: {
    "content/inspection/oxfordshire/2025-standard-inspection.md": "---\norganisation: oxfordshire\n---\n",
    "content/inspection/oxfordshire/2026-standard-inspection.md": "---\norganisation: oxfordshire\n---\n",
  },
  problems: [
    {
      file: "content/inspection",
      line: 1,
      field: "",
      says: "This folder is not one of the content folders, so nothing in it is read.",
      fix: ["Did you mean 'inspections'?", "Move its files into one of"],
    },
  ],
  build: 1,
});
