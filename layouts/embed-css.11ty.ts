/**
 * The embed pages' stylesheet, /assets/embed.css: the rules site.css marks for them, then
 * layouts/embed.css (src/render/stylesheets.ts).
 */
import { readFileSync } from "node:fs";
import { embedStylesheet } from "../src/render/stylesheets.ts";
import { embedStylesheetUrl } from "../src/render/urls.ts";

export const data = { permalink: embedStylesheetUrl(), eleventyExcludeFromCollections: true };

export function render(): string {
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
  return embedStylesheet(read("assets/site.css"), read("embed.css"));
}
