/**
 * What readers should know about where an inspectorate's grades on this site come from
 * (its `dataNote`: a reconstruction, a scrape), said wherever those grades are: its
 * frameworks' pages, its inspections and organisations, the national picture, open data.
 */
import type { Inspectorate } from "../model/types.ts";
import { html, type SafeHtml } from "./html.ts";

/** One paragraph per inspectorate with a note, each said once. */
export function dataNotes(inspectorates: Iterable<Inspectorate>): SafeHtml {
  const noted = [...new Set(inspectorates)].filter((inspectorate) => inspectorate.dataNote);
  return html`${noted.map((inspectorate) => html`<p class="data-note">${inspectorate.dataNote}</p>\n`)}`;
}
