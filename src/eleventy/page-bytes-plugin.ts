/**
 * Finished pages as UTF-8 bytes instead of strings, to halve what a large build holds.
 *
 * Eleventy keeps every finished page in memory until the whole build ends (it is part of
 * what `write()` returns, and cached on the page). Our pages hold characters beyond
 * Latin-1 (typographic quotes, dashes), so V8 stores each as two bytes a character: a
 * 20 KB page took 40 KB. A Buffer takes its UTF-8 size, and Eleventy writes Buffers as
 * they are (https://www.11ty.dev/docs/transforms/: a transform may return a Buffer), so
 * the files on disk are byte-for-byte the same. At 20,000 inspections this is about
 * 500 MB of peak memory (docs/performance.md).
 *
 * It must run after every transform that edits HTML as text, so it is added from a
 * nested plugin, which Eleventy runs after the plugins added in the config, including
 * its own HTML transformer (HtmlBasePlugin) and the bundle plugin's delayed transform.
 * A transform added later than this one would receive a Buffer, not a string.
 */
import type { EleventyConfig } from "./types.ts";

type Transform = (this: { outputPath?: string | false }, content: unknown) => unknown;

export default function pageBytesPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin((nested: EleventyConfig) => {
    const addTransform = (nested as unknown as { addTransform(name: string, transform: Transform): void }).addTransform;
    addTransform.call(nested, "page-bytes", function (content) {
      return typeof content === "string" && typeof this.outputPath === "string" && this.outputPath.endsWith(".html") ? Buffer.from(content) : content;
    });
  });
}
