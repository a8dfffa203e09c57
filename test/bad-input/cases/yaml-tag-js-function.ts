import { badInput, edit, edits, I2024, lineIn } from "../corpus.ts";

const change = edits(
  edit("leadInspector:", "title: !!js/function >\n  function () { alert(document.cookie) }\nleadInspector:"),
  edit("help-and-protection: good", "help-and-protection: goood"),
);

export default badInput({
  what: "a YAML tag (!!js/function) on a title: named as a tag, not published as text, and the grade typo below still found",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "title:", change),
      column: 8,
      field: "title",
      says: "'!!js/function' is a YAML tag, which content files do not use",
      fix: "Delete '!!js/function'",
    },
    {
      file: I2024,
      line: lineIn(I2024, "goood", change),
      field: "judgements.help-and-protection",
      says: "'goood' is not a grade",
      fix: "Did you mean 'good'?",
    },
  ],
  build: 1,
});
