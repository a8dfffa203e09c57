import { badInput, edit, I2024, lineIn, OXFORDSHIRE } from "../corpus.ts";

const inTitle = edit("leadInspector: Nicki Shaw HMI", "title: |\n  Oxfordshire\n  2024\nleadInspector: Nicki Shaw HMI");
const inName = edit("name: Oxfordshire County Council", 'name: "Oxfordshire\\nCounty Council"');

export default badInput({
  what: "line breaks in one-line fields (a title in a '|' block, a name with \\n): problems, with the fix",
  files: { [I2024]: inTitle, [OXFORDSHIRE]: inName },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "title:", inTitle),
      field: "title",
      says: "should be one line of text (it holds a line break).",
      fix: "Write it on one line.",
    },
    {
      file: OXFORDSHIRE,
      line: lineIn(OXFORDSHIRE, "name:", inName),
      field: "name",
      says: "should be one line of text (it holds a line break).",
      fix: "Write it on one line.",
    },
  ],
  build: 1,
});
