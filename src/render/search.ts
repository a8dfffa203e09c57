/**
 * What the search index can filter by, as Pagefind reads it: one `<meta>` per value in the
 * page's <head>, outside the indexed text (a `name` too, which HTML asks of a <meta> with
 * `content`). https://pagefind.app/docs/filtering/
 *
 * Explainers are filtered by inspectorate and by every grade they gave. A grade is named
 * with its scale ("Ofsted four-point scale: Good"): grades of different scales are
 * different things even when they share a word (the same rule as src/model/listings.ts).
 * Organisation pages are filtered by the inspectorates that inspected them.
 */
import type { Grade, Inspection, Organisation } from "../model/types.ts";
import { html, type SafeHtml } from "./html.ts";

/** search.js labels each filter with its name, capitalised. */
type FilterName = "inspectorate" | "grade";

function filterTags(filters: readonly [FilterName, string][]): SafeHtml {
  const unique = [...new Map(filters.map((filter) => [filter.join("\n"), filter])).values()];
  return html`${unique.map(([name, value]) => html`<meta name="search-filter:${name}" content="${value}" data-pagefind-filter="${name}[content]">\n`)}`;
}

export function inspectionSearchFilters(inspection: Inspection): SafeHtml {
  const { scale, inspectorate } = inspection.framework;
  const grades = inspection.judgements.flatMap(({ outcome, area }): Grade[] =>
    outcome.kind === "grade" && !area.separate ? [outcome] : [],
  );
  return filterTags([
    ["inspectorate", inspectorate.shortName],
    ...grades
      .sort((a, b) => a.rank - b.rank)
      .map((grade): [FilterName, string] => ["grade", `${scale.name}: ${grade.label}`]),
  ]);
}

/**
 * The title a search result shows for an explainer: its organisation's name and its own
 * title ("Fairknowe: Care Inspectorate inspection, 2016"), where Pagefind would take the
 * page's <h1>, which does not name the organisation. https://pagefind.app/docs/metadata/
 */
export function inspectionSearchTitle(inspection: Inspection): SafeHtml {
  return html`<meta name="search-title" content="${inspection.organisation.name}: ${inspection.title}" data-pagefind-meta="title[content]">\n`;
}

export function organisationSearchFilters(organisation: Organisation): SafeHtml {
  return filterTags(
    organisation.inspections.map((inspection): [FilterName, string] => [
      "inspectorate",
      inspection.framework.inspectorate.shortName,
    ]),
  );
}
