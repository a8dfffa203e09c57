import { badInput, edit, I2024, lineIn } from "../corpus.ts";

const change = edit("improvements:\n", "improvements: !!set\n");

export default badInput({
  what: "a tag on a list (!!set): the tag is named, not 'a list' described",
  files: { [I2024]: change },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "improvements:", change),
      field: "improvements",
      says: "'!!set' is a YAML tag",
      fix: "Delete '!!set'",
    },
  ],
  build: 1,
});
