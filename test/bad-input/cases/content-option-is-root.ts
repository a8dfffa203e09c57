import { badInput } from "../corpus.ts";

export default badInput({
  what: "--content / : refused at once, before anything is walked (it reached 3.9 GB with no answer)",
  content: "/",
  misuse: [
    "/ does not look like a content folder: it holds none of inspectorates/, scales/, frameworks/, organisations/, inspections/, events/",
  ],
  problems: [],
  build: 2,
});
