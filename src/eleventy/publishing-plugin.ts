/**
 * What hosts read beside the pages: the `_headers` file with the Content-Security-Policy,
 * written after the build from the files and folders at the top of the output, as it
 * gives each of them a rule of its own (src/render/security-headers.ts says why); so it is
 * added after every plugin that writes at the top of the output (.eleventy.ts). The
 * sitemap is written from the one list of pages (src/render/site-pages.ts) by the writer
 * of those pages (site-pages-plugin.ts), and robots.txt and the 404 page are on that list;
 * JSON-LD, where a schema.org type fits, is placed by the page shell
 * (src/render/structured-data.ts). docs/publishing.md.
 * https://www.11ty.dev/docs/events/#eleventy.after
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { adminPolicyFor } from "../authoring/editors/admin-files.ts";
import { headerRules, headersFile } from "../render/security-headers.ts";
import { headersUrl, searchIndexUrl } from "../render/urls.ts";
import type { Site } from "../site.ts";
import type { EleventyConfig } from "./types.ts";

export interface PublishingPluginOptions {
  /** The Site of the build that is running (src/preview/current-site.ts). */
  site: () => Site;
}

/**
 * The files and folders at the top of the output (folders end with "/"), and the search
 * index written after it: `pagefind*`, one rule for `pagefind/` and, on a large site, the
 * parts beside it (`pagefind-2/`..., src/search-index.ts).
 */
export function topLevelEntries(output: string): string[] {
  const search = searchIndexUrl().slice(1, -1);
  const entries = readdirSync(output, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith(search))
    .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name));
  return [...entries, `${search}*`];
}

export default function publishingPlugin(eleventyConfig: EleventyConfig, options: PublishingPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("publishingPlugin needs the `site` option (src/preview/current-site.ts).");
  eleventyConfig.on("eleventy.after", ({ directories, results, incremental }) => {
    // A rebuild in `npm start` that reports only the pages it rewrote leaves the file as it was.
    if (!directories || !results || incremental) return;
    const { settings } = options.site();
    writeFileSync(
      join(directories.output, headersUrl()),
      headersFile(
        headerRules(
          settings.pathPrefix,
          topLevelEntries(directories.output),
          // The content manager's own policy, when there is one (cms-plugin.ts).
          settings.cms && adminPolicyFor(settings.cms),
        ),
      ),
    );
  });
}
