import { badInput, edit } from "../corpus.ts";

export default badInput({
  what: "site.yaml's url is not a web address: a real sentence, not 'should be Invalid URL'",
  files: { "site.yaml": edit("url: https://example.org", "url: example dot org") },
  problems: [
    {
      file: "site.yaml",
      line: 6,
      field: "url",
      says: "should be a web address starting with https:// or http://, like https://example.org.",
      fix: "Correct it to that form.",
    },
  ],
  build: 1,
});
