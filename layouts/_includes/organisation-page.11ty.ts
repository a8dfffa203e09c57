/** An organisation's page (layouts/organisation.11ty.ts): src/render/pages.ts in the page shell. */
import type { PageData } from "../../src/eleventy/types.ts";
import type { NationalPicture } from "../../src/model/national.ts";
import type { Organisation } from "../../src/model/types.ts";
import { markdownFor } from "../../src/render/markdown.ts";
import { pageShell } from "../../src/render/page-shell.ts";
import { organisationPage } from "../../src/render/pages.ts";

export function render(data: PageData & { organisation: Organisation; national: NationalPicture }): string {
  const { organisation, site } = data;
  return pageShell({
    site,
    url: data.page.url,
    organisation,
    images: data.images,
    ...organisationPage(organisation, markdownFor(site), data.national.asAt),
  });
}
