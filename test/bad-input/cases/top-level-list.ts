import { badInput } from "../corpus.ts";

const FILE = "content/inspectorates/care-inspectorate.yaml";

export default badInput({
  what: "a YAML file that is a list, not a group of fields",
  files: { [FILE]: "- name: Care Inspectorate\n- shortName: Care Inspectorate\n" },
  problems: [
    {
      file: FILE,
      line: 1,
      field: "",
      says: "should be a group of fields, indented below it.",
      fix: "Write its fields",
    },
  ],
  build: 1,
});
