import { badInput } from "../corpus.ts";

export default badInput({
  what: "--content names a folder that is not there, one letter swapped: the folder meant is suggested",
  content: "contnet",
  misuse: ["There is no content folder contnet.", "Did you mean content?"],
  problems: [],
  build: 2,
});
