/**
 * Static files: the stylesheet, scripts and icon are copied as they are; no build step, no
 * web fonts. The embed pages' stylesheet is a template (layouts/embed-css.11ty.ts) made
 * from site.css and layouts/embed.css, which is watched here as it is not a template.
 * https://www.11ty.dev/docs/copy/
 *
 * In a site repository (package-folder.ts), the package's files are published at /assets/
 * with the site's own layouts/assets/ beside them; a file of the site's replaces the
 * package's of the same name. The embed pages' stylesheet is then the package's template,
 * given to Eleventy as a virtual one, as the site's layouts/ is Eleventy's input.
 * https://www.11ty.dev/docs/virtual-templates/
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import * as embedStylesheet from "../../layouts/embed-css.11ty.ts";
import type { SiteFolders } from "../package-folder.ts";
import type { EleventyConfig } from "./types.ts";

export interface AssetsPluginOptions {
  /** The site's folders and the package's (package-folder.ts). */
  folders: SiteFolders;
}

export default function assetsPlugin(eleventyConfig: EleventyConfig, options: AssetsPluginOptions): void {
  const { folders } = options;
  const { siteAssets } = folders;
  if (siteAssets === undefined) eleventyConfig.addPassthroughCopy({ [folders.packageAssets]: "assets" });
  else {
    // The package's, but for a name the site has a file of its own for (asked at each copy,
    // so that a file added while the preview runs is taken at its next build).
    eleventyConfig.addPassthroughCopy(
      { [folders.packageAssets]: "assets" },
      { filter: (path: string) => !existsSync(join(siteAssets, path)) },
    );
    eleventyConfig.addPassthroughCopy({ [siteAssets]: "assets" });
  }
  if (folders.packagePages) eleventyConfig.addWatchTarget(join(folders.pages, "embed.css"));
  else if (!existsSync(join(folders.pages, "embed-css.11ty.ts")))
    eleventyConfig.addTemplate("embed-css.11ty.ts", embedStylesheet);
}
