import { badInput, I2024 } from "../corpus.ts";

export default badInput({
  what: "a file saved by Notepad: a byte order mark and Windows line endings are read as they are meant",
  files: { [I2024]: (text) => `\uFEFF${text.replace(/\n/g, "\r\n")}` },
  problems: [],
  build: 0,
});
