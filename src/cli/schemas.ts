/**
 * `npm run schemas`: writes what editors' tools read, generated from the content format
 * and the site's definitions (src/authoring/editors/editor-files.ts): the JSON Schemas in schemas/,
 * which .vscode/settings.json points VS Code's YAML extension at, and frontmatter.json for
 * Front Matter CMS (docs/editing.md). Run it after changing src/content/schema.ts, or
 * adding a framework, scale or inspectorate; a new organisation needs nothing (they are
 * never listed). A test fails while the committed files are out of date.
 *
 * Exit codes: 0 written (or already current); 1 the content has problems, so nothing was
 * written (it lists them); 2 the command was misused.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { checkContent } from "../content/index.ts";
import { editorChoices } from "../authoring/editors/choices.ts";
import { editorFiles, writeEditorFiles } from "../authoring/editors/editor-files.ts";
import { contentOption, readArgs, usageLine, type ArgSpec, type CommandText } from "./args.ts";
import { linesFromDisk } from "../content/problem-quote.ts";
import { coloursFor, problemReport } from "../content/problem-report.ts";

const command: CommandText = {
  usage: "explainers schemas [--content <folder>]",
  about:
    "Rewrites what editors' tools read, from the content format and the content: the JSON Schemas in schemas/ and frontmatter.json (forms in VS Code), in the folder it runs in. Run it after adding a framework, scale or inspectorate. docs/editing.md.",
  exits:
    "0 written (or already up to date); 1 the content has problems, so nothing was written (it lists them); 2 misused",
};
const spec = { content: contentOption("the content <folder> the choices come from") } as const satisfies ArgSpec;
const { values, positionals } = readArgs(spec, command);
const usage = usageLine(command);
const root = process.cwd();
if (positionals.length > 0 || !existsSync(resolve(root, values.content))) {
  console.error(
    `${positionals.length > 0 ? `explainers schemas takes no file names (got ${positionals.join(", ")}).` : `There is no content folder ${values.content}.`}\n\n${usage}`,
  );
  process.exit(2);
}

const checked = checkContent(root, values.content);
if (!checked.model) {
  console.error(problemReport(checked.problems, linesFromDisk(root, values.content), coloursFor(process.stderr)));
  console.error(
    "The editors' files offer the content's own choices, so they are written only from content without problems. Nothing was written.",
  );
  process.exit(1);
}
const changed = writeEditorFiles(root, editorFiles(editorChoices(checked.model), values.content));
console.log(changed.length === 0 ? "schemas/ and frontmatter.json are up to date." : `Wrote ${changed.join(", ")}.`);
