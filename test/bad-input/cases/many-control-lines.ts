import { badInput, RESTRUCTURE } from "../corpus.ts";

const body = Array.from({ length: 30 }, (_, index) => `Line ${index + 1}\u0007 rings a bell.`).join("\n");

export default badInput({
  what: "thirty lines each with a control character: ten told one by one, then the rest counted",
  files: { [RESTRUCTURE]: (text) => `${text}${body}\n` },
  problems: [
    ...Array.from({ length: 10 }, (_, index) => ({
      file: RESTRUCTURE,
      line: 12 + index,
      field: "",
      says: "U+0007",
      fix: "Delete it",
    })),
    {
      file: RESTRUCTURE,
      line: 22,
      field: "",
      says: "20 more lines hold control characters, from this line on.",
      fix: "If the file is not text",
    },
  ],
  build: 1,
});
