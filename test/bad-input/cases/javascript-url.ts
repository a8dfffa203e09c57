import { badInput, edit, I2024, lineIn } from "../corpus.ts";

export default badInput({
  what: "a report link that runs script (javascript:)",
  files: {
    [I2024]: edit("report: https://files.ofsted.gov.uk/v1/file/50243682", "report: javascript:alert(document.cookie)"),
  },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "report:"),
      field: "report",
      says: "should be a link to the report starting https:// (http:// only for an inspectorate whose reports are not on https).",
      fix: "Correct it to that form.",
    },
  ],
  build: 1,
});
