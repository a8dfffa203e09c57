import { badInput } from "../corpus.ts";

const FILE = "content/inspectorates/care-inspectorate.yaml";

export default badInput({
  what: "a YAML file of nothing but spaces and a comment: every required field is asked for at once",
  files: { [FILE]: "   \n# to do\n" },
  problems: [
    { file: FILE, line: 1, field: "name", says: "This field is required and is missing.", fix: "Add 'name:'" },
    {
      file: FILE,
      line: 1,
      field: "shortName",
      says: "This field is required and is missing.",
      fix: "Add 'shortName:'",
    },
  ],
  build: 1,
});
