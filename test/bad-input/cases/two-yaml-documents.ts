import { badInput, FOUR_POINT } from "../corpus.ts";

export default badInput({
  what: "a YAML file with a second document after a '---' line",
  files: { [FOUR_POINT]: (text) => `${text}---\nname: Another scale\n` },
  problems: [{ file: FOUR_POINT, field: "", says: "starts a second YAML document", fix: "Remove the '---' line" }],
  build: 1,
});
