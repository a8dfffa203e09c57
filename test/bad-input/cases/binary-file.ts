import { badInput } from "../corpus.ts";

// The start of a PNG image: its bytes are not UTF-8.
const png = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8,
]);

export default badInput({
  what: "an image saved with a .md name in the events folder",
  files: { "content/events/oxfordshire/2019-photo.md": png },
  problems: [
    {
      file: "content/events/oxfordshire/2019-photo.md",
      line: 1,
      field: "",
      says: "The file is not UTF-8 text.",
      fix: "Save it again as UTF-8",
    },
  ],
  build: 1,
});
