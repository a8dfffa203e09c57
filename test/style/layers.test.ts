/**
 * The layers import only downwards (docs/architecture.md): the model and the pages' markup
 * know nothing of how content is read, of the commands, or of Eleventy; Eleventy's plugins
 * know nothing of the commands; the content layer (not even the pages' markup: the live
 * preview's problem page is beside its caller) and the report reader know nothing above
 * them; the importer knows nothing of `npm run draft`, which writes by the importer's rules;
 * what editors' tools read (src/editors) is made from the Site, the content and the pages'
 * markup, knows nothing of Eleventy or the commands, and nothing below it knows it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const root = fileURLToPath(new URL("../..", import.meta.url));
const test = suite("style: layers import downwards");

/** Every module a folder's files import, as `file: specifier`. */
function imports(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, "utf8");
    for (const match of text.matchAll(/(?:^import|^export)[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/gm))
      found.push(`${relative(root, path)}: ${match[1] ?? match[2]}`);
  }
  return found;
}

const RULES: [string, RegExp][] = [
  ["src/model", /\.\.\/(content|reports|render|eleventy|cli|import|draft|scaffold|editors)\/|\.\.\/site\.ts|@11ty/],
  ["src/render", /\.\.\/(content|reports|eleventy|cli|import|draft|scaffold|editors)\/|\.\.\/site\.ts|@11ty/],
  ["src/content", /\.\.\/(render|reports|eleventy|cli|import|draft|scaffold|editors)\/|\.\.\/site\.ts|@11ty/],
  ["src/reports", /\.\.\/(render|eleventy|cli|import|draft|scaffold|editors)\/|\.\.\/site\.ts|@11ty/],
  ["src/eleventy", /\.\.\/cli\//],
  ["src/import", /\.\.\/(eleventy|cli|draft|scaffold|editors)\/|@11ty/],
  ["src/draft", /\.\.\/(eleventy|cli|scaffold|editors)\/|\.\.\/site\.ts|@11ty/],
  ["src/scaffold", /\.\.\/(eleventy|cli|import|draft|editors)\/|@11ty/],
  [
    "src/publishing",
    /\.\.\/(content|reports|render|eleventy|cli|import|draft|scaffold|editors)\/|\.\.\/site\.ts|@11ty/,
  ],
  ["src/editors", /\.\.\/(eleventy|cli|import|draft|scaffold)\/|@11ty/],
];

for (const [folder, forbidden] of RULES) {
  test(`${folder} imports nothing from above it`, () => {
    const found = imports(folder);
    assert.ok(found.length > 0, `no imports found in ${folder}`);
    assert.equal(
      found.filter((line) => forbidden.test(line.slice(line.indexOf(": ") + 2))),
      [],
    );
  });
}

test.run();
