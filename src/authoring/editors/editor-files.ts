/**
 * The files editors' tools read that are generated from the content format and the site's
 * definitions (inspectorates, scales, frameworks), as they are committed: schemas/ (VS
 * Code's YAML extension, any JSON Schema validator) and frontmatter.json (Front Matter CMS
 * in VS Code). They never name an organisation, so adding one (in the content manager, or
 * by hand) leaves them current. `npm run schemas` writes them after a definition changes,
 * and a test fails while they are out of date.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { frontMatterConfig } from "./front-matter-config.ts";
import { editorSchemaFiles, type DefinitionChoices } from "./json-schemas.ts";

/** By path from the project folder. */
export function editorFiles(choices: DefinitionChoices, content = "content"): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, text] of editorSchemaFiles(choices)) files.set(`schemas/${name}`, text);
  files.set("frontmatter.json", `${JSON.stringify(frontMatterConfig(choices, content), null, 2)}\n`);
  return files;
}

/** Writes the files that differ from what is on disk; returns their paths. */
export function writeEditorFiles(root: string, files: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [path, text] of files) {
    const target = join(root, path);
    let current: string | undefined;
    try {
      current = readFileSync(target, "utf8");
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    changed.push(path);
  }
  return changed;
}
