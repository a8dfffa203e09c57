/** The embed page of one inspection (layouts/embed.11ty.ts): src/render/embed.ts, a page of its own. */
import type { PageData } from "../../src/eleventy/types.ts";
import type { Inspection } from "../../src/model/types.ts";
import { embedPage } from "../../src/render/embed.ts";

export function render(data: PageData & { inspection: Inspection }): string {
  return embedPage(data.inspection, data.site);
}
