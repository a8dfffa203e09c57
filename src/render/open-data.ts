/**
 * The open data page: what each file holds and what each column means, read from the same
 * schemas that describe the files, so the page cannot fall out of step with the data.
 */
import type { z } from "zod";
import { inspectionRowSchema, judgementRowSchema } from "../model/open-data.ts";
import type { OpenDataSetting } from "../model/site-settings.ts";
import type { Inspectorate } from "../model/types.ts";
import { dataNotes } from "./data-note.ts";
import { html, type SafeHtml } from "./html.ts";
import type { NationalPicture } from "../model/national.ts";
import {
  dataSchemaUrl,
  nationalCsvUrl,
  nationalDataUrl,
  openDataBulkUrl,
  openDataJsonUrl,
  openDataPartsUrl,
  openDataPartUrl,
  organisationDataUrl,
} from "./urls.ts";
import { PART_BYTES, PARTED_TABLES, type DataPart, type OpenDataParts } from "../model/open-data-parts.ts";

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
  )}; and every day's counts in one file, <a href="${nationalCsvUrl()}">national.csv</a> (<a href="${dataSchemaUrl("national")}">JSON Schema</a>). Each says the day it is as at and which inspections count (by publication, or by the end of the visit). An organisation with no grade in an area is counted apart, by why: <code>unknown</code> (judged, but the grade is not on this site yet) is never a grade, nor "not judged". An area that applies only to some kinds of organisation counts only those, and those of other kinds that have no grade in it under <code>does-not-apply</code>, outside its base (its <code>organisations</code>, and the <code>organisations</code> column of national.csv).</li>`;
}

const count = (n: number): string => n.toLocaleString("en-GB");

/** One table's parts of a year: "CSV, JSON", or for a year in several parts "part 1: CSV, JSON; part 2: ...". */
function yearCell(parts: readonly DataPart[], compact: boolean): SafeHtml {
  const links = (part: DataPart) =>
    html`<a href="${openDataPartUrl(part.table, part.name, "csv")}">${part.name}.csv</a>${compact ? "" : html`, <a href="${openDataPartUrl(part.table, part.name, "json")}">${part.name}.json</a>`} (${count(part.rows)} rows)`;
  return html`${parts.map((part, index) => html`${index === 0 ? "" : "; "}${links(part)}`)}`;
}

/** The large tables' parts, a row a year. */
function partsTable(parts: OpenDataParts, compact: boolean): SafeHtml {
  const years = [...new Set(PARTED_TABLES.flatMap((table) => parts[table].map((part) => part.year)))].sort();
  if (years.length === 0) return html``;
  const ofYear = (table: (typeof PARTED_TABLES)[number], year: string) =>
    parts[table].filter((part) => part.year === year);
  return html`<div class="table-scroll" role="region" aria-labelledby="data-parts" tabindex="0">
<table class="columns">
<caption id="data-parts">Inspections and judgements, by the year each inspection is placed on</caption>
<thead><tr><th scope="col">Year</th><th scope="col">Inspections</th><th scope="col">Judgements</th></tr></thead>
<tbody>${years.map(
    (year) =>
      html`<tr><th scope="row">${year}</th><td>${yearCell(ofYear("inspections", year), compact)}</td><td>${yearCell(ofYear("judgements", year), compact)}</td></tr>`,
  )}</tbody>
</table>
</div>`;
}

const NO_PARTS: OpenDataParts = { inspections: [], judgements: [] };

/** What a site that publishes its open data compact or in bulk (a host with a size cap) leaves out, and where the same is. */
function capNote(form: OpenDataSetting): SafeHtml {
  if (form === "whole") return html``;
  const what =
    form === "compact"
      ? "the tables come as CSV alone, by year and each whole as one compressed CSV, and there is no JSON file per organisation"
      : "the tables come whole, each as one compressed CSV alone, without files by year, and there is no JSON file per organisation";
  return html`<p>This site is published on a host that limits its size, so its open data is ${form}: ${what}. Every row is here, in ${form === "compact" ? "the parts and" : ""} the compressed files, and each organisation's ratings in force and timeline are on its page.</p>
`;
}

/** The tables' files: by year (not in bulk), and each whole. */
function tableFiles(parted: OpenDataParts, form: OpenDataSetting): SafeHtml {
  const rows = (table: (typeof PARTED_TABLES)[number]) =>
    count(parted[table].reduce((total, part) => total + part.rows, 0));
  const byYear =
    form === "bulk"
      ? html``
      : html`<li>Every inspection (one row each) and every area judged (one row each, with the change since the previous inspection as the explainer pages show it), as ${form === "compact" ? "CSV" : "CSV and JSON"}, in one file per year of <code>placed_on</code> (the table below), so that no file is too large to download or for a web server to compress: a year with more than ${count(PART_BYTES / 1_000_000)} MB of rows goes on in a second file (<code>2019-2.csv</code>). <a href="${openDataPartsUrl()}">parts.json</a> lists every file in order (<a href="${dataSchemaUrl("parts")}">JSON Schema</a>); together they hold every row.</li>
`;
  return html`${byYear}<li>${form === "bulk" ? "Every inspection (one row each) and every area judged (one row each, with the change since the previous inspection as the explainer pages show it), each table whole" : "Each table whole"}, as one compressed CSV: <a href="${openDataBulkUrl("inspections")}">inspections.csv.gz</a> (${rows("inspections")} rows) and <a href="${openDataBulkUrl("judgements")}">judgements.csv.gz</a> (${rows("judgements")} rows)${form === "bulk" ? html`; <a href="${openDataPartsUrl()}">parts.json</a> counts their rows by year` : ", the same rows as the parts"}; gzip, which most systems open as it is.</li>`;
}

export function openDataPage(
  pictures: readonly NationalPicture[] = [],
  inspectorates: readonly Inspectorate[] = [],
  parts: () => OpenDataParts = () => NO_PARTS,
  form: OpenDataSetting = "whole",
): SafeHtml {
  const parted = parts();
  const whole = form === "whole";
  return html`${dataNotes(inspectorates)}<h2>Files</h2>
${capNote(form)}<ul>
${tableFiles(parted, form)}
<li><a href="${openDataJsonUrl("organisations")}">organisations.json</a>: every organisation, with its codes and, for one that has closed, when${whole ? html`; and one file per organisation at <code>${organisationDataUrl({ id: "<id>" })}</code> with its ratings in force (area, grade, since when and from which inspection, as the latest grading published it), its inspections, judgements and context events` : html`, and the ids of its inspections (<code>inspection_ids</code>), whose rows are in the tables above`}.</li>
${nationalFiles(pictures)}
${!whole ? html`<li>JSON Schemas describing the rows of <a href="${dataSchemaUrl("inspections")}">inspections</a> and <a href="${dataSchemaUrl("judgements")}">judgements</a> (the CSV files' columns have the same names), and <a href="${dataSchemaUrl("organisations")}">organisations</a>.</li>` : html`<li>JSON Schemas describing each JSON file: <a href="${dataSchemaUrl("inspections")}">a part of inspections</a>, <a href="${dataSchemaUrl("judgements")}">a part of judgements</a>, <a href="${dataSchemaUrl("organisations")}">organisations</a> and <a href="${dataSchemaUrl("organisation")}">one organisation</a>.</li>`}
<li>The content format these pages are written in, as JSON Schemas: ${CONTENT_KINDS.map((kind, index) => html`${index === 0 ? "" : index === CONTENT_KINDS.length - 1 ? " and " : ", "}<a href="${dataSchemaUrl(kind, "content")}">${kind}</a>`)}.</li>
</ul>
<p>CSV files are UTF-8 with a header row, as RFC 4180 describes. Empty cells mean "not known" or "not applicable". So that no cell can run as a formula when the file is opened in a spreadsheet (CSV injection), a text cell that would start with <code>=</code>, <code>+</code>, <code>-</code>, <code>@</code>, a tab or a carriage return starts with a <code>'</code> instead, as <a href="https://owasp.org/www-community/attacks/CSV_Injection">OWASP recommends</a>; spreadsheets show the text without it, and the JSON files hold the text as it was written. Grades are given by id and label; <code>grade_rank</code> is the grade's place on its own scale (0 is best): never compare ranks across different scales.</p>
<p>Every area of a graded inspection has a row in judgements, in one of three states (<code>status</code>): a grade (or another outcome on the scale, such as withheld); <code>not-judged</code>, when the inspection did not judge it (its earlier rating still stands: <code>rating_in_force_id</code> and <code>rating_in_force_from</code> say which, and from where); or <code>unknown</code>, when it was judged but the grade is not on this site yet. Count only grades as grades. An inspection whose visit dates are not known has no <code>visit_start</code>; it is placed by its publication date (<code>placed_on</code>).</p>
${form === "bulk" ? "" : partsTable(parted, form === "compact")}
${columns(inspectionRowSchema, "inspection-columns", "Columns of inspections")}
${columns(judgementRowSchema, "judgement-columns", "Columns of judgements")}`;
}
