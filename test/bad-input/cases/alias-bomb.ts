import { badInput } from "../corpus.ts";

const FILE = "content/inspectorates/bomb.yaml";
const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (const [index, name] of ["b", "c", "d", "e", "f", "g", "h", "i"].entries()) {
  const previous = "abcdefgh"[index]!;
  levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(",")}]`);
}

export default badInput({
  what: "a 'billion laughs' file of aliases that repeat a value exponentially",
  files: { [FILE]: `${levels.join("\n")}\nname: Bomb\nshortName: Bomb\n` },
  problems: [
    {
      file: FILE,
      field: "",
      says: "its aliases ('*name') repeat values too many times",
      fix: "Write the values out instead.",
    },
  ],
  build: 1,
});
