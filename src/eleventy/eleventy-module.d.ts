/**
 * Eleventy 3 ships JavaScript without declarations; these are the parts this project
 * imports. The config object's shape is in types.ts.
 */
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        configPath?: string;
        quietMode?: boolean;
        /** Overrides what the configuration returns (https://www.11ty.dev/docs/config/#deploy-to-a-subdirectory-with-a-path-prefix). */
        pathPrefix?: string;
        runMode?: "build" | "serve" | "watch";
        /** Run on the configuration before the config file (https://www.11ty.dev/docs/programmatic/). */
        config?: (eleventyConfig: import("./types.ts").EleventyConfig) => void;
      },
    );
    write(): Promise<unknown>;
  }
  export const HtmlBasePlugin: unknown;
}

declare module "@11ty/eleventy-dev-server" {
  /** Eleventy's development server; src/preview/preview-guard.ts replaces how it listens. */
  const EleventyDevServer: { prototype: object };
  export default EleventyDevServer;
}
