/**
 * The two folders the tool works with (docs/command-line.md, "Two ways to use it"):
 *
 * - the package's, the folder the tool itself is in: the repository in a fork, or
 *   node_modules/inspection-explainers in a site repository that depends on the package.
 *   Eleventy's configuration, the page shell of a site owner's pages
 *   (layouts/_includes/base.11ty.ts), the stylesheets and scripts (layouts/assets/), the
 *   embed pages' stylesheet and the fonts are read from here, and nothing is written here;
 * - the site's, the folder a command runs in: site.yaml, the content, the site owner's own
 *   pages (layouts/) and static files (layouts/assets/), and what is written: the built
 *   site, the image cache, drafts. Eleventy runs in it, as its project.
 *
 * In a fork the two are one folder.
 */
import { existsSync, realpathSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_FOLDER = fileURLToPath(new URL("..", import.meta.url));

/** What Eleventy reads for the site in a folder (site-plugin.ts, .eleventy.ts). */
export interface SiteFolders {
  /** The site's folder. */
  site: string;
  /** Eleventy's input: the site owner's own pages, the site's layouts/ (there may be none). */
  pages: string;
  /** Whether `pages` is the package's layouts/, as in a fork: the embed pages' stylesheet is a file there. */
  packagePages: boolean;
  /** The page shell their pages name (`layout: base.11ty.ts`): the package's layouts/_includes/. */
  pageShell: string;
  /** The package's static files, published at /assets/. */
  packageAssets: string;
  /**
   * The site's own static files (its layouts/assets/), published at /assets/ too, a file
   * there replacing the package's of the same name; undefined in a fork (the same folder)
   * or when the site has none.
   */
  siteAssets?: string;
}

export function siteFolders(folder: string): SiteFolders {
  const site = resolve(folder);
  const shipped = join(PACKAGE_FOLDER, "layouts");
  const pages = join(site, "layouts");
  const packagePages = sameFolder(pages, shipped);
  const siteAssets = join(pages, "assets");
  return {
    site,
    pages,
    packagePages,
    pageShell: join(shipped, "_includes"),
    packageAssets: join(shipped, "assets"),
    siteAssets: !packagePages && existsSync(siteAssets) ? siteAssets : undefined,
  };
}

/**
 * Eleventy's folders, as its configuration gives them: the input relative to the folder it
 * runs in (the site's), the includes and layouts relative to the input. A site's own
 * Nunjucks partials are in its layouts/_includes/; the layout is the package's. A site
 * with no layouts/ folder is given it as a pattern that finds nothing, as an input folder
 * must exist and a pattern need not.
 */
export function eleventyDirectories(folders: SiteFolders, runsIn: string) {
  const input = relative(runsIn, folders.pages) || ".";
  return {
    input: existsSync(folders.pages) ? input : `${input}/**`,
    includes: "_includes",
    layouts: relative(folders.pages, folders.pageShell),
  };
}

function sameFolder(one: string, other: string): boolean {
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : path);
  return relative(real(one), real(other)) === "";
}
