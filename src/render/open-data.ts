/**
 * The open data page: what each file holds and what each column means, read from the same
 * schemas that describe the files, so the page cannot fall out of step with the data.
 */
import type { z } from "zod";
import { inspectionRowSchema, judgementRowSchema } from "../model/open-data.ts";
import { html, type SafeHtml } from "./html.ts";
import { dataSchemaUrl, openDataCsvUrl, openDataJsonUrl, organisationDataUrl } from "./urls.ts";

/** The kinds of content file, in the order the page lists their schemas. */
const CONTENT_KINDS = ["inspection", "organisation", "event", "framework", "scale", "inspectorate"] as const;

function columns(schema: z.ZodObject, id: string, caption: string): SafeHtml {
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table>
<caption id="${id}">${caption}</caption>
<thead><tr><th scope="col">Column</th><th scope="col">What it holds</th></tr></thead>
<tbody>${Object.entries(schema.shape).map(
    ([name, field]) =>
      html`<tr><th scope="row"><code>${name}</code></th><td>${(field as z.ZodType).description ?? ""}</td></tr>`,
  )}</tbody>
</table>
</div>`;
}

export function openDataPage(): SafeHtml {
  return html`<h2>Files</h2>
<ul>
<li><a href="${openDataCsvUrl("inspections")}">inspections.csv</a> and <a href="${openDataJsonUrl("inspections")}">inspections.json</a>: one row per inspection.</li>
<li><a href="${openDataCsvUrl("judgements")}">judgements.csv</a> and <a href="${openDataJsonUrl("judgements")}">judgements.json</a>: one row per area judged, with the change since the previous inspection as the explainer pages show it.</li>
<li><a href="${openDataJsonUrl("organisations")}">organisations.json</a>: every organisation, with its codes; and one file per organisation at <code>${organisationDataUrl({ id: "<id>" })}</code> with its inspections, judgements and context events.</li>
<li>JSON Schemas describing each JSON file: <a href="${dataSchemaUrl("inspections")}">inspections</a>, <a href="${dataSchemaUrl("judgements")}">judgements</a>, <a href="${dataSchemaUrl("organisations")}">organisations</a> and <a href="${dataSchemaUrl("organisation")}">one organisation</a>.</li>
<li>The content format these pages are written in, as JSON Schemas: ${CONTENT_KINDS.map((kind, index) => html`${index === 0 ? "" : index === CONTENT_KINDS.length - 1 ? " and " : ", "}<a href="${dataSchemaUrl(kind, "content")}">${kind}</a>`)}.</li>
</ul>
<p>CSV files are UTF-8 with a header row, as RFC 4180 describes. Empty cells mean "not known" or "not applicable". Grades are given by id and label; <code>grade_rank</code> is the grade's place on its own scale (0 is best): never compare ranks across different scales.</p>
${columns(inspectionRowSchema, "inspection-columns", "Columns of inspections.csv")}
${columns(judgementRowSchema, "judgement-columns", "Columns of judgements.csv")}`;
}
