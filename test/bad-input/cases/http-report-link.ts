import { badInput, edit, I2018, lineIn } from "../corpus.ts";

const PEEL_2019 = "content/inspections/wessex-police/2019-peel-assessment.md";
const ofsted = edit(
  "report: https://files.ofsted.gov.uk/v1/file/50004449",
  "report: http://files.ofsted.gov.uk/v1/file/50004449",
);
const hmicfrs = edit(
  "report: https://example.org/fictional/wessex-police-peel-2019",
  "report: http://example.org/fictional/wessex-police-peel-2019",
);

export default badInput({
  what: "report links on http to inspectorates that publish on https (Ofsted, HMICFRS): the https address is the fix",
  files: { [I2018]: ofsted, [PEEL_2019]: hmicfrs },
  problems: [
    {
      file: I2018,
      line: lineIn(I2018, "report:"),
      field: "report",
      says: "Ofsted publishes its reports on https, and this link starts http://",
      fix: "Write https://files.ofsted.gov.uk/v1/file/50004449",
    },
    {
      file: PEEL_2019,
      line: lineIn(PEEL_2019, "report:"),
      field: "report",
      says: "HMICFRS publishes its reports on https",
      fix: "Write https://example.org/fictional/wessex-police-peel-2019",
    },
  ],
  build: 1,
});
