import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../fixtures/content.ts";
import { badInput, lineIn } from "../corpus.ts";

const sample = readFileSync(join(projectRoot, "site.yaml"), "latin1");
const title = sample.split("\n").find((line) => line.startsWith("title:"))!;

export default badInput({
  what: "site.yaml saved in Latin-1 (a title with 'é'): the line is named, nothing published as �",
  files: { "site.yaml": Buffer.from(sample.replace(title, `${title} café`), "latin1") },
  problems: [
    {
      file: "site.yaml",
      line: lineIn("site.yaml", "title:"),
      field: "",
      says: "The file is not UTF-8 text.",
      fix: "Save it again as UTF-8",
    },
  ],
  build: 1,
});
