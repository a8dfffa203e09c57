/**
 * What readers should know about where an inspectorate's grades on this site come from
 * (its `dataNote`: a reconstruction, a scrape), said wherever those grades are: its
 * frameworks' pages, its inspections and organisations, the national picture, open data.
 * The pages there are thousands of (explainers, organisations' pages) say it in the
 * inspectorate's `dataNoteSummary`, where it has one, with a link to the whole note on a
 * framework's page (docs/performance.md, "Page weight").
 */
import type { Inspectorate } from "../model/types.ts";
import { html, type SafeHtml } from "./html.ts";

/** The id of the whole note of an inspectorate on a framework's page, which the summaries link to. */
export const dataNoteId = (inspectorate: Inspectorate): string => `data-note-${inspectorate.id}`;

const noted = (inspectorates: Iterable<Inspectorate>): Inspectorate[] =>
  [...new Set(inspectorates)].filter((inspectorate) => inspectorate.dataNote || inspectorate.dataNoteSummary);

/** One paragraph per inspectorate with a note, each said once, whole. `anchored`: with the id the summaries link to. */
export function dataNotes(inspectorates: Iterable<Inspectorate>, anchored = false): SafeHtml {
  return html`${noted(inspectorates).map(
    (inspectorate) =>
      html`<p class="data-note"${anchored ? html` id="${dataNoteId(inspectorate)}"` : ""}>${inspectorate.dataNote ?? inspectorate.dataNoteSummary}</p>\n`,
  )}`;
}

/**
 * One paragraph per inspectorate with a note, each said once: its summary and a link to the
 * whole note at `where(inspectorate)` (a framework's page), or, without a summary, the
 * whole note, as `dataNotes` says it.
 */
export function dataNoteSummaries(
  inspectorates: Iterable<Inspectorate>,
  where: (inspectorate: Inspectorate) => string,
): SafeHtml {
  return html`${noted(inspectorates).map((inspectorate) =>
    inspectorate.dataNoteSummary && inspectorate.dataNote
      ? html`<p class="data-note">${inspectorate.dataNoteSummary} <a href="${where(inspectorate)}#${dataNoteId(inspectorate)}">Where the ${inspectorate.shortName}'s grades on this site come from</a>.</p>\n`
      : dataNotes([inspectorate]),
  )}`;
}
