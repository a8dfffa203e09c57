/**
 * The live preview's site plugin and its options, in one place for both ways it starts:
 * `explainers start` (src/cli/start.ts) adds it before Eleventy reads its configuration,
 * with its command's options; Eleventy run on its own (`npx @11ty/eleventy --serve`)
 * finds it not added and .eleventy.ts adds it, with the same defaults. Options reach the
 * plugin as plugin options; the environment variables a user may set
 * (EXPLAINERS_CONTENT, EXPLAINERS_IMAGES, EXPLAINERS_IMAGE_CACHE, EXPLAINERS_PREVIEW_SEARCH)
 * are read here only, as the defaults of those options (docs/command-line.md).
 */
import { join, resolve } from "node:path";
import sitePlugin from "../eleventy/site-plugin.ts";
import type { EleventyConfig } from "../eleventy/types.ts";
import { readSiteSettings } from "../content/site-settings.ts";
import { readSite, type Site } from "../site.ts";
import { currentSite } from "./current-site.ts";

export interface PreviewOptions {
  /** The content folder, relative to the site's folder or absolute. */
  content: string;
  /** Draw the share images and the charts' PNGs. */
  images: boolean;
  /** Index the preview for search after each build. */
  search: boolean;
  /** Where drawn pictures are kept between builds. */
  imageCache: string;
}

/** The preview's options: those given (a command's flags), else the environment's, else the defaults. */
export function previewOptions(
  root: string,
  given: Partial<PreviewOptions> = {},
  environment: NodeJS.ProcessEnv = process.env,
): PreviewOptions {
  return {
    content: given.content ?? environment.EXPLAINERS_CONTENT ?? "content",
    images: given.images ?? environment.EXPLAINERS_IMAGES !== "off",
    search: given.search ?? environment.EXPLAINERS_PREVIEW_SEARCH !== "off",
    imageCache: resolve(root, given.imageCache ?? environment.EXPLAINERS_IMAGE_CACHE ?? join(".cache", "images")),
  };
}

/** Adds the site plugin for the preview of the site in `root`: a Site read for each build (current-site.ts). */
export function addPreviewSite(
  eleventyConfig: EleventyConfig,
  root: string,
  options: PreviewOptions,
  environment: NodeJS.ProcessEnv = process.env,
): () => Site {
  const site = currentSite(eleventyConfig, (memory) => readSite(root, options.content, environment, memory));
  eleventyConfig.addPlugin(sitePlugin, {
    site,
    images: options.images,
    imageCache: options.imageCache,
    previewSearch: options.search,
  });
  return site;
}

/** The path prefix site.yaml (with the environment's override) gives, read before Eleventy starts; none while site.yaml has problems, which the preview then shows. */
export function previewPathPrefix(root: string, environment: NodeJS.ProcessEnv = process.env): string | undefined {
  return readSiteSettings(root, "site.yaml", environment).settings?.pathPrefix;
}
