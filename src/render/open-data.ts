/**
 * The open data page: what each file holds and what each column means, read from the same
 * schemas that describe the files, so the page cannot fall out of step with the data.
 */
import type { z } from "zod";
import { inspectionRowSchema, judgementRowSchema } from "../model/open-data.ts";
import type { Inspectorate } from "../model/types.ts";
import { dataNotes } from "./data-note.ts";
import { html, type SafeHtml } from "./html.ts";
import type { NationalPicture } from "../model/national.ts";
import {
  dataSchemaUrl,
  nationalCsvUrl,
  nationalDataUrl,
  openDataCsvUrl,
  openDataJsonUrl,
  organisationDataUrl,
} from "./urls.ts";

/** The kinds of content file, in the order the page lists their schemas. */
const CONTENT_KINDS = ["inspection", "organisation", "event", "framework", "scale", "inspectorate"] as const;

function columns(schema: z.ZodObject, id: string, caption: string): SafeHtml {
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table class="columns">
<caption id="${id}">${caption}</caption>
<thead><tr><th scope="col">Column</th><th scope="col">What it holds</th></tr></thead>
<tbody>${Object.entries(schema.shape).map(
    ([name, field]) =>
      html`<tr><th scope="row"><code>${name}</code></th><td>${(field as z.ZodType).description ?? ""}</td></tr>`,
  )}</tbody>
</table>
</div>`;
}

/** The national pictures' files: one per day, the latest, and every day's counts. */
function nationalFiles(pictures: readonly NationalPicture[]): SafeHtml {
  if (pictures.length === 0) return html``;
  return html`<li>The national picture as at each day it is drawn: <a href="${nationalDataUrl("latest")}">latest.json</a> (as at the latest report), ${pictures.map(
    (picture, index) =>
      html`${index === 0 ? "" : ", "}<a href="${nationalDataUrl(picture.asAt)}">${picture.asAt}.json</a>`,
  )}; and every day's counts in one file, <a href="${nationalCsvUrl()}">national.csv</a> (<a href="${dataSchemaUrl("national")}">JSON Schema</a>). Each says the day it is as at and which inspections count (by publication, or by the end of the visit). An organisation with no grade in an area is counted apart, by why: <code>unknown</code> (judged, but the grade is not on this site yet) is never a grade, nor "not judged".</li>`;
}

export function openDataPage(
  pictures: readonly NationalPicture[] = [],
  inspectorates: readonly Inspectorate[] = [],
): SafeHtml {
  return html`${dataNotes(inspectorates)}<h2>Files</h2>
<ul>
<li><a href="${openDataCsvUrl("inspections")}">inspections.csv</a> and <a href="${openDataJsonUrl("inspections")}">inspections.json</a>: one row per inspection.</li>
<li><a href="${openDataCsvUrl("judgements")}">judgements.csv</a> and <a href="${openDataJsonUrl("judgements")}">judgements.json</a>: one row per area judged, with the change since the previous inspection as the explainer pages show it.</li>
<li><a href="${openDataJsonUrl("organisations")}">organisations.json</a>: every organisation, with its codes and, for one that has closed, when; and one file per organisation at <code>${organisationDataUrl({ id: "<id>" })}</code> with its ratings in force (area, grade, since when and from which inspection, as the latest grading published it), its inspections, judgements and context events.</li>
${nationalFiles(pictures)}
<li>JSON Schemas describing each JSON file: <a href="${dataSchemaUrl("inspections")}">inspections</a>, <a href="${dataSchemaUrl("judgements")}">judgements</a>, <a href="${dataSchemaUrl("organisations")}">organisations</a> and <a href="${dataSchemaUrl("organisation")}">one organisation</a>.</li>
<li>The content format these pages are written in, as JSON Schemas: ${CONTENT_KINDS.map((kind, index) => html`${index === 0 ? "" : index === CONTENT_KINDS.length - 1 ? " and " : ", "}<a href="${dataSchemaUrl(kind, "content")}">${kind}</a>`)}.</li>
</ul>
<p>CSV files are UTF-8 with a header row, as RFC 4180 describes. Empty cells mean "not known" or "not applicable". So that no cell can run as a formula when the file is opened in a spreadsheet (CSV injection), a text cell that would start with <code>=</code>, <code>+</code>, <code>-</code>, <code>@</code>, a tab or a carriage return starts with a <code>'</code> instead, as <a href="https://owasp.org/www-community/attacks/CSV_Injection">OWASP recommends</a>; spreadsheets show the text without it, and the JSON files hold the text as it was written. Grades are given by id and label; <code>grade_rank</code> is the grade's place on its own scale (0 is best): never compare ranks across different scales.</p>
<p>Every area of a graded inspection has a row in judgements, in one of three states (<code>status</code>): a grade (or another outcome on the scale, such as withheld); <code>not-judged</code>, when the inspection did not judge it (its earlier rating still stands: <code>rating_in_force_id</code> and <code>rating_in_force_from</code> say which, and from where); or <code>unknown</code>, when it was judged but the grade is not on this site yet. Count only grades as grades. An inspection whose visit dates are not known has no <code>visit_start</code>; it is placed by its publication date (<code>placed_on</code>).</p>
${columns(inspectionRowSchema, "inspection-columns", "Columns of inspections.csv")}
${columns(judgementRowSchema, "judgement-columns", "Columns of judgements.csv")}`;
}
