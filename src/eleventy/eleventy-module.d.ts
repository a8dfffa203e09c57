/**
 * Eleventy 3 ships JavaScript without declarations; these are the parts this project
 * imports. The config object's shape is in types.ts.
 */
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { configPath?: string; quietMode?: boolean; runMode?: "build" | "serve" | "watch" },
    );
    write(): Promise<unknown>;
  }
  export const HtmlBasePlugin: unknown;
}
