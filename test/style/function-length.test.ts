/**
 * No function in src/ runs over 60 lines: a function a reader can hold in one screen. The
 * lines are counted from Prettier's own parse of each file (its TypeScript parser, the
 * one `npm run format` uses), from the line a function starts on to the line it ends on.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as typescript from "prettier/plugins/typescript";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const LIMIT = 60;
const root = fileURLToPath(new URL("../..", import.meta.url));
const test = suite("style: short functions");

interface Node {
  type: string;
  loc: { start: { line: number }; end: { line: number } };
  id?: { name?: string } | null;
  key?: { name?: string };
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && typeof (value as Node).type === "string";

/** Every function longer than `limit` lines in a TypeScript source, as `line name (length)`. */
export async function longFunctions(source: string, path: string, limit = LIMIT): Promise<string[]> {
  const ast = (await typescript.parsers.typescript.parse(source, { filepath: path } as never)) as Node;
  const found: string[] = [];
  const visit = (node: Node, name: string): void => {
    if (/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(node.type)) {
      const lines = node.loc.end.line - node.loc.start.line + 1;
      if (lines > limit) found.push(`${node.loc.start.line} ${node.id?.name ?? name} (${lines} lines)`);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "loc" || key === "range") continue;
      const inner =
        node.type === "VariableDeclarator"
          ? ((node.id as { name?: string } | undefined)?.name ?? name)
          : node.type === "Property" || node.type === "MethodDefinition"
            ? (node.key?.name ?? name)
            : name;
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child, inner);
    }
  };
  visit(ast, "(anonymous)");
  return found;
}

function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

test(`no function in src/ is over ${LIMIT} lines`, async () => {
  const long: string[] = [];
  for (const path of sources(join(root, "src"))) {
    for (const found of await longFunctions(readFileSync(path, "utf8"), path))
      long.push(`${relative(root, path)}:${found}`);
  }
  assert.equal(long, [], `Split these:\n${long.join("\n")}`);
});

test("the count finds a long function, named, and passes a short one", async () => {
  const body = (lines: number) =>
    Array.from({ length: lines }, (_, index) => `  const a${index} = ${index};`).join("\n");
  const source = `export function long(): void {\n${body(LIMIT - 1)}\n}\nconst short = () => {\n${body(3)}\n};\n`;
  assert.equal(await longFunctions(source, "x.ts"), [`1 long (${LIMIT + 1} lines)`]);
  assert.equal(await longFunctions(source, "x.ts", LIMIT + 1), []);
});

test.run();
