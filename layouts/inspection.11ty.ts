/**
 * One explainer page per inspection. The page is rendered by its layout
 * (_includes/explainer.11ty.ts), not here: Eleventy holds what a paginated template renders
 * until the whole build ends, besides the finished page, but not what a layout renders
 * (docs/performance.md).
 */
import type { Inspection } from "../src/model/types.ts";
import { inspectionUrl } from "../src/render/urls.ts";

export const data = {
  pagination: { data: "model.inspections", size: 1, alias: "inspection" },
  permalink: (data: { inspection: Inspection }): string => inspectionUrl(data.inspection),
  layout: "explainer.11ty.ts",
};

export function render(): string {
  return "";
}
