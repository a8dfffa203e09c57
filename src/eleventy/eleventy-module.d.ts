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
        /** How the configuration and JavaScript templates are imported; "auto" asks the package.json of the folder it runs in. */
        loader?: "esm" | "cjs" | "auto";
        /** "cli": as Eleventy's own command runs it. */
        source?: "cli" | "script";
        /** Run on the configuration before the config file (https://www.11ty.dev/docs/programmatic/). */
        config?: (eleventyConfig: import("./types.ts").EleventyConfig) => void;
      },
    );
    write(): Promise<unknown>;
    init(): Promise<void>;
    /** Builds, then rebuilds on every change (https://www.11ty.dev/docs/watch-serve/). */
    watch(): Promise<void>;
    /** Starts the development server, after watch(). */
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }
  export const HtmlBasePlugin: unknown;
}

declare module "@11ty/eleventy-dev-server" {
  /** Eleventy's development server; src/preview/preview-guard.ts replaces how it listens. */
  const EleventyDevServer: { prototype: object };
  export default EleventyDevServer;
}
