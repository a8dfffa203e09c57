/**
 * The Site (src/site.ts) of each build under `npm start` (or Eleventy run on its own), for
 * the site plugin's `site` option (.eleventy.ts). `npm run build` needs none of this: it
 * checks the content before Eleventy starts and hands that Site to the plugin itself
 * (src/cli/build-pages.ts), so nothing is read twice.
 *
 * Each build reads its own Site, as content changes between builds: the Site read while
 * Eleventy is being configured serves the first build, and every later build reads afresh
 * as it starts (a read that fails, such as an override in the environment that is not a
 * right value, fails that build and leaves the last Site in place; problems in site.yaml
 * are problems like any other). Each read after the first is handed what the last one
 * kept (`SiteMemory`, src/site.ts), so that only the files that changed are read again and
 * only what depends on them is worked out again; the Site is the one a full read would
 * give. A build with content problems goes on with an empty model under `npm start`, so
 * the live preview can show them (live-preview-plugin.ts); a plain build stops.
 */
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { ContentError } from "../content/problems.ts";
import { siteMemory, type Site, type SiteMemory } from "../site.ts";
import type { EleventyConfig } from "../eleventy/types.ts";

/** The Site of the build that is running, read for each build. */
export function currentSite(eleventyConfig: EleventyConfig, read: (memory: SiteMemory) => Site): () => Site {
  let site: Site | undefined;
  let builds = 0;
  const memory = siteMemory();
  const current = (): Site => (site ??= read(memory));
  // What the watcher saw change: only those files are stamped again (src/content/load.ts).
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    memory.reads.changed = new Set(changed.map((path) => resolve(path)));
  });
  eleventyConfig.on("eleventy.before", ({ runMode }) => {
    if (builds++ > 0) {
      const started = performance.now();
      site = read(memory);
      console.log(`Read the content again in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
    }
    const { problems } = current();
    if ((runMode ?? "build") === "build" && problems.length > 0) throw new ContentError(problems);
  });
  return current;
}
