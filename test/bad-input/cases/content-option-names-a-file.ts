import { badInput } from "../corpus.ts";

export default badInput({
  what: "--content names a file",
  content: "site.yaml",
  misuse: ["site.yaml is a file, not a content folder."],
  problems: [],
  build: 2,
});
