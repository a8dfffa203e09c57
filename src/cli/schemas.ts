/**
 * `npm run schemas`: writes the JSON Schemas of the content format into schemas/, where
 * .vscode/settings.json points VS Code's YAML extension (docs/editing.md). Run it after
 * changing src/content/schema.ts; a test fails while the committed files are out of date.
 *
 * Exit codes: 0 written (or already current); 2 the command was misused.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { editorSchemaFiles } from "../content/json-schema.ts";
import { readArgs } from "./args.ts";

const usage = "Usage: npm run schemas [-- --output <folder>]";
const { values, positionals } = readArgs({ output: { type: "string", default: "schemas" } }, usage);
if (positionals.length > 0) {
  console.error(`npm run schemas takes no file names (got ${positionals.join(", ")}).\n\n${usage}`);
  process.exit(2);
}

mkdirSync(values.output, { recursive: true });
const changed: string[] = [];
for (const [name, text] of editorSchemaFiles()) {
  const path = join(values.output, name);
  let current: string | undefined;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  writeFileSync(path, text);
  changed.push(path);
}
console.log(changed.length === 0 ? `The schemas in ${values.output}/ are up to date.` : `Wrote ${changed.join(", ")}.`);
