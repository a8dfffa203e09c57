/**
 * `explainers start` (`npm start` in a clone): the live preview. Eleventy's development
 * server, run in the site's folder with the package's configuration (.eleventy.ts), builds
 * the site into the output folder, serves it on 127.0.0.1 only and answers only its own
 * names (src/preview/preview-guard.ts), and rebuilds when the content, site.yaml or the
 * site owner's own pages change. A content problem shows as a page listing the problems
 * (src/preview/live-preview-plugin.ts). docs/editing.md.
 *
 * Its options reach the site plugin as plugin options, added before Eleventy reads
 * .eleventy.ts (src/preview/preview-site.ts, which .eleventy.ts calls too when Eleventy
 * runs on its own), so the preview is one thing however it is started.
 *
 * Exit codes: 0 stopped (Ctrl+C, or a signal to stop); 1 it could not start (its first
 * build failed, such as a page of the site owner's that cannot be rendered: Eleventy says
 * which); 2 misused. Content problems do not stop it: they are what it shows.
 */
import Eleventy from "@11ty/eleventy";
import { join } from "node:path";
import type { EleventyConfig } from "../eleventy/types.ts";
import { PACKAGE_FOLDER } from "../package-folder.ts";
import { addPreviewSite, previewOptions, previewPathPrefix } from "../preview/preview-site.ts";
import { contentOption, notAContentFolder, readArgs, usageLine, type ArgSpec, type CommandText } from "./args.ts";

const command: CommandText = {
  usage:
    "explainers start [--content <folder>] [--port <number>] [--output <folder>] [--no-images] [--no-search] [--quiet]",
  about:
    "The live preview: builds the site into the output folder and serves it at the address it prints, to this computer only (127.0.0.1; EXPLAINERS_PREVIEW_HOST opens it to your network on purpose), rebuilding when the content, site.yaml or a page of your own (layouts/) changes. A content problem shows as a page listing the problems until it is fixed. Run it in the site's folder. docs/editing.md.",
  exits:
    "0 stopped (Ctrl+C); 1 it could not start (its first build failed, such as a page of your own that cannot be rendered; content problems do not stop it, it shows them); 2 misused",
};
const spec = {
  content: contentOption("the content <folder> to preview"),
  port: { type: "string", default: "8080", help: "the port <number> to listen on (the next free one if taken)" },
  output: { type: "string", default: "_site", help: "the <folder> the preview is written to" },
  "no-images": { type: "boolean", default: false, help: "no share images or chart PNGs" },
  "no-search": { type: "boolean", default: false, help: "no search index of the preview" },
  quiet: { type: "boolean", default: false, help: "only problems and the address are printed" },
} as const satisfies ArgSpec;
const { values, positionals } = readArgs(spec, command);
const usage = usageLine(command);
const port = Number(values.port);
if (positionals.length > 0 || !/^\d+$/.test(values.port) || port < 1 || port > 65535) {
  console.error(
    `${positionals.length > 0 ? `explainers start takes no file names (got ${positionals.join(", ")}).` : `--port must be a port number from 1 to 65535 (got ${values.port}).`}\n\n${usage}`,
  );
  process.exit(2);
}
const root = process.cwd();
const notFolder = notAContentFolder(root, values.content);
if (notFolder) {
  console.error(`${notFolder}\n\n${usage}`);
  process.exit(2);
}
const options = previewOptions(root, {
  content: values.content,
  images: values["no-images"] ? false : undefined,
  search: values["no-search"] ? false : undefined,
});

// As Eleventy's own command runs it (node_modules/@11ty/eleventy/cmd.cjs), in the site's folder.
const eleventy = new Eleventy(undefined, values.output, {
  source: "cli",
  runMode: "serve",
  configPath: join(PACKAGE_FOLDER, ".eleventy.ts"),
  // The configuration and templates are ES modules, whatever the site's package.json says.
  loader: "esm",
  quietMode: values.quiet,
  pathPrefix: previewPathPrefix(root),
  config: (eleventyConfig: EleventyConfig) => {
    addPreviewSite(eleventyConfig, root, options);
  },
});
try {
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
} catch (error) {
  // Eleventy has logged a template's error with its file and line; its own errors say what they are.
  const cause = error instanceof Error && error.cause instanceof Error ? `\n${error.cause.message}` : "";
  console.error(`${error instanceof Error ? error.message : String(error)}${cause}\n\nThe preview could not start.`);
  process.exit(1);
}
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void eleventy.stopWatch().finally(() => process.exit(0));
  });
