/**
 * No array is spread into a call's arguments where it can be long: `push(...items)` and
 * `Math.max(...values)` pass each item as an argument, and past about 100,000 JavaScript
 * throws "Maximum call stack size exceeded" (150,000 problems crashed `npm run check` that
 * way). src/model/arrays.ts takes any number. The folders below, which read and check
 * content of any size, are held to it (the importer, src/authoring/import, is fixed on its own).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const root = fileURLToPath(new URL("../..", import.meta.url));
const test = suite("style: no spread of a list into push, Math.max or Math.min");

const HELD = ["src/content", "src/cli", "src/site.ts"];
/** A spread among a call's own arguments (not inside a list or call given to it). */
const SPREAD = /\b(?:push|unshift|Math\.max|Math\.min)\((?:[^()[\]{}]*,\s*)?\.\.\./;

function files(path: string): string[] {
  if (path.endsWith(".ts")) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

test("src/content, src/cli and src/site.ts spread no list into push, Math.max or Math.min", () => {
  const found: string[] = [];
  for (const held of HELD)
    for (const file of files(join(root, held))) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, index) => {
          if (SPREAD.test(line) && !line.trimStart().startsWith("*") && !line.trimStart().startsWith("//"))
            found.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`);
        });
    }
  assert.equal(found, []);
});

test("the rule finds what it is for", () => {
  assert.ok(SPREAD.test("problems.push(...across);"));
  assert.ok(SPREAD.test("const top = Math.max(1, ...counts);"));
  assert.not.ok(SPREAD.test("appendAll(problems, across);"));
  assert.not.ok(SPREAD.test("problems.push(problemIn(entry, [...path, key]));"));
});

test.run();
