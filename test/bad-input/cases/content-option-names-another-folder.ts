import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../corpus.ts";

export default badInput({
  what: "--content names a folder of other things (a website, notes): refused, with what a content folder holds",
  setup: (project) => {
    mkdirSync(join(project, "www/assets"), { recursive: true });
    writeFileSync(join(project, "www/index.html"), "<!doctype html>\n");
  },
  content: "www",
  misuse: ["www does not look like a content folder", "Name the folder that holds them with --content"],
  problems: [],
  build: 2,
});
