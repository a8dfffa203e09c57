import { badInput, edit, edits, I2024 } from "../corpus.ts";

const change = edits(
  edit("published: 2024-04-09\n", ""),
  edit("report: https://files.ofsted.gov.uk/v1/file/50243682\n", ""),
  (text) => text.replace(/summary: >-\n(?: {2}.*\n)+/, ""),
);

export default badInput({
  what: "a graded inspection without its summary, publication date and report: all three asked for in one pass, not one per run",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: 2,
      field: "published",
      says: "A graded inspection needs its publication date",
      fix: "Add 'published:'.",
    },
    {
      file: I2024,
      line: 2,
      field: "report",
      says: "A graded inspection needs a link to the published report",
      fix: "Add 'report:'.",
    },
    { file: I2024, line: 2, field: "summary", says: "This field is required and is missing.", fix: "Add 'summary:'" },
  ],
  build: 1,
});
