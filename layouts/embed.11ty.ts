/**
 * One embed page per inspection: its comparison alone, for other sites to frame
 * (src/render/embed.ts). Rendered by its layout, as the explainers are (inspection.11ty.ts).
 */
import type { Inspection } from "../src/model/types.ts";
import { embedUrl } from "../src/render/urls.ts";

export const data = {
  pagination: { data: "model.inspections", size: 1, alias: "inspection" },
  permalink: (data: { inspection: Inspection }): string => embedUrl(data.inspection),
  layout: "embed-page.11ty.ts",
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return "";
}
