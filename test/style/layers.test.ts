/**
 * The layers import only downwards (docs/architecture.md): the model and the pages' markup
 * know nothing of how content is read, of the commands, or of Eleventy; Eleventy's plugins
 * know nothing of the commands; the content layer (not even the pages' markup: the live
 * preview's problem page is beside its caller) and the report reader know nothing above
 * them; the authoring tools (src/authoring: import, draft, scaffold, reports, editors) sit
 * above the content and the model, and nothing below them knows them; the importer knows
 * nothing of `npm run draft`, which writes by the importer's rules; what editors' tools read
 * (src/authoring/editors) is made from the Site, the content and the pages' markup, and knows
 * nothing of Eleventy or the commands. The preview's parts above the content (src/preview:
 * the Site of each build of `npm start`, the model and national pictures it keeps between
 * reads, its problems page, guard and search plugins) know nothing of the commands or the
 * authoring tools, and nothing below them (model, render, content, publishing) knows them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const root = fileURLToPath(new URL("../..", import.meta.url));
const test = suite("style: layers import downwards");

/** Where an import leads: a layer (`model`, `authoring/import`, `site`...), or a package's name. */
function layerOf(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  const path = relative(root, join(dirname(file), specifier))
    .split(sep)
    .join("/");
  const parts = path.split("/");
  if (parts[0] !== "src") return path;
  if (parts.length === 2) return parts[1]!.replace(/\.ts$/, "");
  return parts[1] === "authoring" ? `authoring/${parts[2]}` : parts[1]!;
}

/** Every module a folder's files import, as `file: layer`. */
function imports(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, "utf8");
    for (const match of text.matchAll(/(?:^import|^export)[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/gm))
      found.push(`${relative(root, path)}: ${layerOf(path, match[1] ?? match[2]!)}`);
  }
  return found;
}

/** The authoring tools (src/authoring): the importer, the report drafter, the scaffold, the report reader, the editors' files. */
const AUTHORING = [
  "authoring/import",
  "authoring/draft",
  "authoring/scaffold",
  "authoring/reports",
  "authoring/editors",
];
const without = (...kept: string[]) => AUTHORING.filter((layer) => !kept.includes(layer));

/** Each folder, and the layers (and packages, by their name's start) it must not import. */
const RULES: [string, string[]][] = [
  ["src/model", ["content", "render", "eleventy", "cli", "publishing", "site", "preview", ...AUTHORING, "@11ty"]],
  ["src/render", ["content", "eleventy", "cli", "publishing", "site", "preview", ...AUTHORING, "@11ty"]],
  ["src/content", ["render", "eleventy", "cli", "site", "preview", ...AUTHORING, "@11ty"]],
  ["src/publishing", ["content", "render", "eleventy", "cli", "site", "preview", ...AUTHORING, "@11ty"]],
  ["src/eleventy", ["cli"]],
  ["src/preview", ["cli", ...AUTHORING]],
  ["src/authoring/reports", ["render", "eleventy", "cli", "site", ...without("authoring/reports"), "@11ty"]],
  ["src/authoring/import", ["eleventy", "cli", "authoring/draft", "authoring/scaffold", "authoring/editors", "@11ty"]],
  ["src/authoring/draft", ["eleventy", "cli", "site", "authoring/scaffold", "authoring/editors", "@11ty"]],
  ["src/authoring/scaffold", ["eleventy", "cli", "authoring/import", "authoring/draft", "authoring/editors", "@11ty"]],
  ["src/authoring/editors", ["eleventy", "cli", "authoring/import", "authoring/draft", "authoring/scaffold", "@11ty"]],
];

for (const [folder, forbidden] of RULES) {
  test(`${folder} imports nothing from above it`, () => {
    const found = imports(folder);
    assert.ok(found.length > 0, `no imports found in ${folder}`);
    assert.equal(
      found.filter((line) => {
        const layer = line.slice(line.indexOf(": ") + 2);
        return forbidden.some((name) => layer === name || layer.startsWith(`${name}/`));
      }),
      [],
    );
  });
}

test("every folder of src is under a rule or is a command's (src/cli)", () => {
  const folders = readdirSync(join(root, "src"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      entry.name === "authoring"
        ? readdirSync(join(root, "src/authoring"), { withFileTypes: true })
            .filter((inner) => inner.isDirectory())
            .map((inner) => `src/authoring/${inner.name}`)
        : [`src/${entry.name}`],
    );
  const ruled = new Set(RULES.map(([folder]) => folder));
  assert.equal(
    folders.filter((folder) => !ruled.has(folder) && !["src/cli", "src/images"].includes(folder)),
    [],
  );
});

test.run();
