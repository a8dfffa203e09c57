/**
 * The few parts of Eleventy 3's configuration API this project uses. Eleventy ships no
 * usable types for its config object, so they are declared here, and only here.
 * https://www.11ty.dev/docs/config/
 */
export interface EleventyConfig {
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void, options?: O): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  /** Whether a plugin of that name was added (the site plugin, by `npm run build`). */
  hasPlugin(plugin: unknown): boolean;
  addGlobalData(name: string, value: unknown): void;
  addExtension(extension: string, options: { key: string }): void;
  addTransform(
    name: string,
    transform: (this: { page?: { url?: string | false }; outputPath?: string | false }, content: unknown) => unknown,
  ): void;
  addShortcode(name: string, shortcode: (...args: never[]) => string): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  /** A filter added by this configuration or a plugin, such as the HTML base plugin's. https://www.11ty.dev/docs/filters/ */
  getFilter(name: string): unknown;
  addNunjucksShortcode(name: string, shortcode: (...args: never[]) => string): void;
  addNunjucksFilter(name: string, filter: (...args: never[]) => unknown): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  /** The library a template language is read with: the project's markdown-it for Markdown. https://www.11ty.dev/docs/languages/markdown/ */
  setLibrary(name: "md", library: unknown): void;
  /** `copyOptions.filter` is given each file's path relative to the folder copied, and copies it when true. */
  addPassthroughCopy(
    paths: string | Record<string, string>,
    copyOptions?: { filter?: (relativePath: string) => boolean },
  ): void;
  addWatchTarget(path: string): void;
  /** A template that is not a file in the input folder: text, or a JavaScript template's module. https://www.11ty.dev/docs/virtual-templates/ */
  addTemplate(virtualPath: string, content: string | object, data?: Record<string, unknown>): void;
  on(event: "eleventy.before" | "eleventy.after", callback: (details: BuildDetails) => void | Promise<void>): void;
  /** Before a rebuild in watch mode, with the files that changed since the last build. https://www.11ty.dev/docs/events/#eleventy.beforewatch */
  on(event: "eleventy.beforeWatch", callback: (changedFiles: string[]) => void | Promise<void>): void;
  setServerOptions(options: Record<string, unknown>): void;
  /** "sequential": event listeners run one after another, in the order added. https://www.11ty.dev/docs/events/ */
  setEventEmitterMode(mode: "sequential" | "parallel"): void;
  setQuietMode(quiet: boolean): void;
  ignores: { add(pattern: string): void };
  pathPrefix?: string;
}

/** What Eleventy tells `eleventy.before` and `eleventy.after` listeners. https://www.11ty.dev/docs/events/ */
export interface BuildDetails {
  runMode?: string;
  directories?: { output: string };
  /** `eleventy.after` only: every page Eleventy wrote. */
  results?: readonly WrittenPage[];
  /** True when `npm start` rebuilt only the pages a change touched: `results` holds only those. */
  incremental?: boolean;
}

export interface WrittenPage {
  url: string | false;
  outputPath: string | false;
  content: string | Uint8Array;
}

/** What Eleventy passes to a JavaScript template's or layout's `render`: the page's data. https://www.11ty.dev/docs/languages/javascript/ */
export interface PageData {
  site: import("../model/site-settings.ts").SiteSettings;
  page: { url: string };
  /** In a layout: what the template (or the layout below) rendered. */
  content?: string;
  title?: string;
  description?: string;
  noindex?: boolean;
  /** The build draws share images (src/eleventy/sharing-plugin.ts). */
  images?: boolean;
}
