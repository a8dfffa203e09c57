/** The explainer of one inspection (layouts/inspection.11ty.ts): src/render/pages.ts in the page shell. */
import type { PageData } from "../../src/eleventy/types.ts";
import type { Inspection } from "../../src/model/types.ts";
import { markdownFor } from "../../src/render/markdown.ts";
import { pageShell } from "../../src/render/page-shell.ts";
import { explainerPage } from "../../src/render/pages.ts";

export function render(data: PageData & { inspection: Inspection }): string {
  const { inspection, site } = data;
  return pageShell({
    site,
    url: data.page.url,
    inspection,
    images: data.images,
    ...explainerPage(inspection, markdownFor(site), { site, images: data.images ?? false }),
  });
}
