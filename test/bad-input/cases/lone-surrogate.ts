import { badInput, edit, I2024, lineIn, OXFORDSHIRE } from "../corpus.ts";

const inTitle = edit(
  "leadInspector: Nicki Shaw HMI",
  'title: "Oxfordshire \\uD800 2024"\nleadInspector: Nicki Shaw HMI',
);
const inName = edit("name: Oxfordshire County Council", 'name: "Oxfordshire County Council \\uDE00"');

export default badInput({
  what: "lone surrogates written as escapes in double quotes (\\uD800): problems at their fields, never published as U+FFFD",
  files: { [I2024]: inTitle, [OXFORDSHIRE]: inName },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "title:", inTitle),
      field: "title",
      says: "This text holds half of a character (U+D800, a lone surrogate, written as an escape)",
      fix: "Write the character itself instead of its escape, or both halves of its escape together",
    },
    {
      file: OXFORDSHIRE,
      line: lineIn(OXFORDSHIRE, "name:", inName),
      field: "name",
      says: "U+DE00",
      fix: "Write the character itself",
    },
  ],
  build: 1,
});
