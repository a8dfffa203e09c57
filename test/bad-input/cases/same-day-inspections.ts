import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../fixtures/content.ts";
import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const OTHER = "content/inspections/oxfordshire/2024-focused-visit.md";
const visit = edit("kind: standard", "kind: focused-visit");
const text = visit(readFileSync(join(projectRoot, I2024), "utf8"))
  .replace(/judgements:\n(?: {2}.*\n)+/, "")
  .replace("published: 2024-04-09\n", "")
  // A focused visit has its own letter: not the same report, only the same day.
  .replace("https://files.ofsted.gov.uk/v1/file/50243682", "https://files.ofsted.gov.uk/v1/file/50240000");

export default badInput({
  what: "two inspections of one organisation by one inspectorate starting on the same day, of different kinds: they would be compared with each other",
  files: { [OTHER]: text },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "start:"),
      field: "visit.start",
      says: [
        `${OTHER} is another Ofsted inspection of 'oxfordshire' starting on the same day`,
        "so the two would be compared with each other",
      ],
      fix: "If they are one inspection, keep one file",
    },
  ],
  build: 1,
});
