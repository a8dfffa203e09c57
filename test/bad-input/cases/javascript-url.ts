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
      says: "should be a web address starting with https:// or http://.",
      fix: "Correct it to that form.",
    },
  ],
  build: 1,
});
