/**
 * No circle in the import graph of src/ (docs/architecture.md): a file that imports, by any
 * path, a file that imports it back. Type-only imports count too: a circle made by a type
 * is a type in the wrong file, and belongs in a leaf file both can import.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const root = fileURLToPath(new URL("../..", import.meta.url));
const test = suite("style: no import circles");

const IMPORT = /(?:^import|^export)[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/gm;

/** Every TypeScript file under `folder`, with the files under `folder` it imports (relative specifiers only). */
export function importGraph(folder: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".d.ts")) continue;
    const path = join(entry.parentPath, entry.name);
    const targets: string[] = [];
    for (const match of readFileSync(path, "utf8").matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith(".")) continue;
      const target = resolve(dirname(path), specifier);
      if (target.startsWith(folder)) targets.push(target);
    }
    graph.set(path, targets);
  }
  return graph;
}

/** The graph's circles: each strongly connected component of more than one file, or a file importing itself (Tarjan). */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

test("finds a circle, and none where there is none", () => {
  const graph = new Map([
    ["a", ["b"]],
    ["b", ["c"]],
    ["c", ["a", "d"]],
    ["d", []],
    ["e", ["e"]],
  ]);
  assert.equal(circles(graph), [["a", "b", "c"], ["e"]]);
  assert.equal(
    circles(
      new Map([
        ["a", ["b"]],
        ["b", []],
      ]),
    ),
    [],
  );
});

test("src/ has no import circles", () => {
  const graph = importGraph(join(root, "src"));
  assert.ok(graph.size > 100, `only ${graph.size} files found in src/`);
  const found = circles(graph).map((component) => component.map((file) => relative(root, file)).join(" <-> "));
  assert.equal(found, []);
});

test.run();
