/**
 * The open data page: what each file holds and what each column means, read from the same
 * schemas that describe the files, so the page cannot fall out of step with the data.
 */
import type { z } from "zod";
import { inspectionRowSchema, judgementRowSchema } from "../model/open-data.ts";
import { html, type SafeHtml } from "./html.ts";

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
<li><a href="/data/inspections.csv">inspections.csv</a> and <a href="/data/inspections.json">inspections.json</a>: one row per inspection.</li>
<li><a href="/data/judgements.csv">judgements.csv</a> and <a href="/data/judgements.json">judgements.json</a>: one row per area judged, with the change since the previous inspection as the explainer pages show it.</li>
<li><a href="/data/organisations.json">organisations.json</a>: every organisation, with its codes; and one file per organisation at <code>/data/organisations/&lt;id&gt;.json</code> with its inspections, judgements and context events.</li>
<li>JSON Schemas describing each JSON file: <a href="/data/schema/inspections.schema.json">inspections</a>, <a href="/data/schema/judgements.schema.json">judgements</a>, <a href="/data/schema/organisations.schema.json">organisations</a> and <a href="/data/schema/organisation.schema.json">one organisation</a>.</li>
<li>The content format these pages are written in, as JSON Schemas: <a href="/data/schema/content/inspection.schema.json">inspection</a>, <a href="/data/schema/content/organisation.schema.json">organisation</a>, <a href="/data/schema/content/event.schema.json">event</a>, <a href="/data/schema/content/framework.schema.json">framework</a>, <a href="/data/schema/content/scale.schema.json">scale</a> and <a href="/data/schema/content/inspectorate.schema.json">inspectorate</a>.</li>
</ul>
<p>CSV files are UTF-8 with a header row, as RFC 4180 describes. Empty cells mean "not known" or "not applicable". Grades are given by id and label; <code>grade_rank</code> is the grade's place on its own scale (0 is best): never compare ranks across different scales.</p>
${columns(inspectionRowSchema, "inspection-columns", "Columns of inspections.csv")}
${columns(judgementRowSchema, "judgement-columns", "Columns of judgements.csv")}`;
}
