import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const docs = join(root, "docs");

/** Fenced blocks whose info string names a file: ```md file=content/... */
function examples(): { doc: string; file: string; text: string }[] {
  return readdirSync(docs)
    .filter((name) => name.endsWith(".md"))
    .flatMap((name) => {
      const text = readFileSync(join(docs, name), "utf8");
      return [...text.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)].map((match) => ({
        doc: name,
        file: match[1]!,
        text: match[2]!,
      }));
    });
}

const docExamples = suite("examples in docs/");

docExamples("the docs hold complete examples of every kind of content file", () => {
  const folders = new Set(examples().map((example) => example.file.split("/")[1]));
  assert.equal([...folders].sort(), [
    "events",
    "frameworks",
    "inspections",
    "inspectorates",
    "organisations",
    "scales",
  ]);
});

docExamples("every example, added to the sample content, passes the checks", () => {
  const work = mkdtempSync(join(tmpdir(), "explainers-docs-"));
  try {
    cpSync(join(root, "content"), join(work, "content"), { recursive: true });
    for (const example of examples()) {
      mkdirSync(dirname(join(work, example.file)), { recursive: true });
      writeFileSync(join(work, example.file), example.text);
    }
    const result = checkContent(work);
    assert.equal(result.problems.map(formatProblem), []);
    assert.ok(result.model);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

docExamples.run();
