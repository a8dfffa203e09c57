import { badInput, edit, I2018, I2024, lineIn, OXFORDSHIRE, RESTRUCTURE } from "../corpus.ts";

const leadInspector = edit("leadInspector: Donna Marriott HMI", "leadInspector: TBA");
const improvement = edit(
  "  - Offer care leavers more employment, education and training.",
  "  - FIXME the third improvement, from page 4",
);
const region = edit("region: South East", "region: to be confirmed");
const body = (text: string) => `${text.trimEnd()}\n\nTODO add the 2018-19 budget figure here.\n`;

export default badInput({
  what: "placeholders left in: a lead inspector of TBA, a FIXME improvement, a region 'to be confirmed', a TODO in an event's text",
  files: { [I2018]: leadInspector, [I2024]: improvement, [OXFORDSHIRE]: region, [RESTRUCTURE]: body },
  problems: [
    {
      file: RESTRUCTURE,
      line: lineIn(RESTRUCTURE, "TODO add", body),
      column: 1,
      field: "body",
      says: "'TODO' is a placeholder left in the text below the frontmatter",
      fix: "Write what it stands for",
    },
    {
      file: I2018,
      line: lineIn(I2018, "leadInspector:"),
      field: "leadInspector",
      says: "'TBA' is a placeholder, not what the source says",
      fix: "the lead inspector's name as the report gives it, or delete the line",
    },
    {
      file: I2024,
      line: lineIn(I2024, "FIXME", improvement),
      field: "improvements[2]",
      says: "'FIXME' is a placeholder",
      fix: "what the report says must improve",
    },
    {
      file: OXFORDSHIRE,
      line: lineIn(OXFORDSHIRE, "region:"),
      field: "region",
      says: "'to be confirmed' is a placeholder",
      fix: "its region, as other files write it, or delete the line",
    },
  ],
  build: 1,
});
