/**
 * One page per organisation, with its timeline. Rendered by its layout
 * (_includes/organisation-page.11ty.ts), for the reason in inspection.11ty.ts.
 */
import type { Organisation } from "../src/model/types.ts";
import { organisationUrl } from "../src/render/urls.ts";

export const data = {
  pagination: { data: "model.organisations", size: 1, alias: "organisation" },
  permalink: (data: { organisation: Organisation }): string => organisationUrl(data.organisation),
  layout: "organisation-page.11ty.ts",
};

export function render(): string {
  return "";
}
