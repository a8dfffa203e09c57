/** @11ty/eleventy-plugin-rss ships JavaScript without declarations; this is the part this project uses. */
declare module "@11ty/eleventy-plugin-rss" {
  /** Adds the `dateToRfc3339` filter (and others) and the HTML base plugin. https://www.11ty.dev/docs/plugins/rss/ */
  const rssPlugin: unknown;
  export default rssPlugin;
}
