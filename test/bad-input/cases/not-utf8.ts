import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../fixtures/content.ts";
import { badInput, I2024, lineIn } from "../corpus.ts";

const [before, after] = readFileSync(join(projectRoot, I2024), "utf8").split("Nicki Shaw") as [string, string];

export default badInput({
  what: "a file saved in Windows-1252, not UTF-8: the line with the bad bytes is named",
  files: {
    [I2024]: Buffer.concat([Buffer.from(`${before}Nicki Sh`), Buffer.from([0xe1, 0xff]), Buffer.from(`w${after}`)]),
  },
  problems: [
    {
      file: I2024,
      line: lineIn(I2024, "Nicki Shaw"),
      field: "",
      says: "The file is not UTF-8 text.",
      fix: "Save it again as UTF-8",
    },
  ],
  build: 1,
});
