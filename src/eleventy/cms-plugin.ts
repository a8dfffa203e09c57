/**
 * The content manager at /admin/, when site.yaml sets `cms`: Decap CMS copied from the
 * project's dependencies, and its page and configuration written after each build from the
 * Site that build checked (src/authoring/editors/admin-files.ts). Without `cms`, nothing.
 * Its Content-Security-Policy is a rule of its own in `_headers` (publishing-plugin.ts,
 * src/render/security-headers.ts).
 * https://www.11ty.dev/docs/copy/ https://www.11ty.dev/docs/events/#eleventy.after
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { adminFiles, DECAP_DIST, decapFiles } from "../authoring/editors/admin-files.ts";
import { editorChoices } from "../authoring/editors/choices.ts";
import { decapBackend } from "../authoring/editors/decap-config.ts";
import { absoluteUrl, adminUrl } from "../render/urls.ts";
import type { Site } from "../site.ts";
import type { EleventyConfig } from "./types.ts";

export interface CmsPluginOptions {
  /** The Site of the build that is running (src/preview/current-site.ts). */
  site: () => Site;
}

export default function cmsPlugin(eleventyConfig: EleventyConfig, options: CmsPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("cmsPlugin needs the `site` option (src/preview/current-site.ts).");
  const { site } = options;
  if (!site().settings.cms) return;
  // The folder in the output: the address without its leading '/'.
  const folderName = adminUrl().slice(1);
  for (const name of decapFiles())
    eleventyConfig.addPassthroughCopy({ [join(DECAP_DIST, name)]: `${folderName}${name}` });
  eleventyConfig.on("eleventy.after", ({ directories }) => {
    const { root, content, settings, model, problems } = site();
    // A preview whose content has problems shows them instead of the site (src/preview/live-preview-plugin.ts).
    if (!directories || !settings.cms || problems.length > 0) return;
    const folder = join(directories.output, folderName);
    mkdirSync(folder, { recursive: true });
    const files = adminFiles(editorChoices(model), settings, {
      backend: decapBackend(settings.cms),
      content: relative(root, content).split("\\").join("/"),
      siteUrl: absoluteUrl("/", settings),
    });
    for (const [name, text] of files) writeFileSync(join(folder, name), text);
  });
}
