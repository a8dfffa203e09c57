/**
 * The layout of a site owner's own pages (`layout: base.11ty.ts`, docs/publishing.md): the
 * page around their content, from src/render/page-shell.ts, the same function every
 * generated page is put in. Pages may set `title`, `description` and `noindex`.
 */
import type { PageData } from "../../src/eleventy/types.ts";
import { pageShell } from "../../src/render/page-shell.ts";

export function render(data: PageData): string {
  return pageShell({
    site: data.site,
    url: data.page.url,
    title: data.title,
    description: data.description,
    noindex: data.noindex,
    images: data.images,
    content: data.content ?? "",
  });
}
