/**
 * The open data files (the /data/ page describes them): the rows of src/model/open-data.ts
 * in the parts of src/model/open-data-parts.ts, as CSV and JSON, with their JSON Schemas,
 * the national pictures, and the content format's own schemas. Made one file at a time,
 * each in pieces, as src/eleventy/open-data-plugin.ts writes them after the pages.
 */
import { z } from "zod";
import type { SiteModel } from "../model/build-model.ts";
import { nationalCsvColumns, nationalCsvRows, nationalData, nationalDataSchema } from "../model/national-data.ts";
import type { NationalPicture } from "../model/national.ts";
import {
  inspectionRow,
  inspectionRowSchema,
  judgementRows,
  judgementRowSchema,
  openDataSchemas,
  organisationData,
  organisationRow,
  type About,
} from "../model/open-data.ts";
import {
  openDataOrder,
  PART_BYTES,
  PARTED_TABLES,
  partsIndexSchema,
  type DataPart,
  type OpenDataParts,
} from "../model/open-data-parts.ts";
import type { OpenDataSetting, SiteSettings } from "../model/site-settings.ts";
import type { Inspection } from "../model/types.ts";
import { csvChunks, toCsv, type CsvValue } from "./csv.ts";
import {
  dataSchemaUrl,
  nationalCsvUrl,
  nationalDataUrl,
  openDataBulkUrl,
  openDataJsonUrl,
  openDataPartsUrl,
  openDataPartUrl,
  openDataUrl,
  organisationDataUrl,
} from "./urls.ts";

/** What the open data is made from: the Site's model and pictures (src/site.ts), and the content format's JSON Schemas. */
export interface OpenDataInput {
  model: SiteModel;
  settings: SiteSettings;
  national: NationalPicture;
  nationalPictures: readonly NationalPicture[];
  openDataParts: () => OpenDataParts;
  /** The content format's JSON Schemas by kind (src/content/json-schema.ts), published as data/schemas/content-*.json. */
  contentSchemas: Record<string, unknown>;
}

/** A table's rows for the inspections [from, to) of the oldest-first list. */
function* tableRows(
  table: (typeof PARTED_TABLES)[number],
  chronological: readonly Inspection[],
  from = 0,
  to = chronological.length,
) {
  for (let index = from; index < to; index++)
    if (table === "inspections") yield inspectionRow(chronological[index]!);
    else yield* judgementRows(chronological[index]!);
}

const TABLE_COLUMNS = {
  inspections: Object.keys(inspectionRowSchema.shape),
  judgements: Object.keys(judgementRowSchema.shape),
};

/**
 * The large tables in parts (src/model/open-data-parts.ts), each as CSV and JSON; each whole
 * as one CSV to be compressed (`.csv.gz`: the writer compresses it); and parts.json, the list.
 */
function* partedTables(
  parts: OpenDataParts,
  chronological: readonly Inspection[],
  about: About,
  form: OpenDataSetting,
): Generator<[path: string, pieces: Iterable<string>]> {
  const path = (url: string) => url.slice(1);
  const relative = (url: string) => url.slice(openDataUrl().length);
  for (const table of PARTED_TABLES) {
    const rows = (part?: DataPart) =>
      tableRows(table, chronological, part?.from, part?.to) as Iterable<Record<string, CsvValue>>;
    for (const part of parts[table]) {
      if (form !== "bulk")
        yield [path(openDataPartUrl(table, part.name, "csv")), csvChunks(TABLE_COLUMNS[table], rows(part))];
      if (form === "whole")
        yield [path(openDataPartUrl(table, part.name, "json")), jsonTable(about, table, rows(part))];
    }
    yield [path(openDataBulkUrl(table)), csvChunks(TABLE_COLUMNS[table], rows())];
  }
  const tables = Object.fromEntries(
    PARTED_TABLES.map((table) => [
      table,
      {
        rows: parts[table].reduce((total, part) => total + part.rows, 0),
        whole_csv_gz: relative(openDataBulkUrl(table)),
        parts: parts[table].map((part) => ({
          year: part.year,
          rows: part.rows,
          csv: form === "bulk" ? null : relative(openDataPartUrl(table, part.name, "csv")),
          json: form === "whole" ? relative(openDataPartUrl(table, part.name, "json")) : null,
        })),
      },
    ]),
  );
  yield [path(openDataPartsUrl()), [compactJson({ about, part_bytes: PART_BYTES, form, tables })]];
  yield [path(dataSchemaUrl("parts")), [schemaJson(z.toJSONSchema(partsIndexSchema))]];
}

/** The national pictures: one JSON file per date and `latest`, every date's counts as CSV, and their schema. */
function addNational(
  site: OpenDataInput,
  about: Parameters<typeof nationalData>[1],
  add: (url: string, text: string) => void,
) {
  for (const picture of site.nationalPictures)
    add(nationalDataUrl(picture.asAt), compactJson(nationalData(picture, about)));
  if (site.national.asAt) add(nationalDataUrl("latest"), compactJson(nationalData(site.national, about)));
  add(nationalCsvUrl(), toCsv([...nationalCsvColumns], nationalCsvRows(site.nationalPictures)));
  add(dataSchemaUrl("national"), schemaJson(z.toJSONSchema(nationalDataSchema)));
}

/** Data files on one line: a third smaller than indented (measured in docs/publishing.md), and read by programs. */
const compactJson = (value: unknown): string => `${JSON.stringify(value)}\n`;
/** Schemas stay indented: they are small, and people read them. */
const schemaJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A table as compact JSON, `{"about":...,"<key>":[rows]}`, in pieces of `batch` rows: the same text as `compactJson`. */
export function* jsonTable(about: About, key: string, rows: Iterable<unknown>, batch = 1000): Generator<string> {
  yield `{"about":${JSON.stringify(about)},${JSON.stringify(key)}:[`;
  let pieces: string[] = [];
  let first = true;
  for (const row of rows) {
    pieces.push(JSON.stringify(row));
    if (pieces.length === batch) {
      yield `${first ? "" : ","}${pieces.join(",")}`;
      [pieces, first] = [[], false];
    }
  }
  if (pieces.length > 0) yield `${first ? "" : ","}${pieces.join(",")}`;
  yield "]}\n";
}

/**
 * Every open data file, by its path in the output, one at a time and each in pieces:
 * inspections and judgements as CSV and JSON, organisations as JSON (all, and one file
 * each), the JSON Schemas that describe them, and the JSON Schemas of the content format.
 * Under `openData: compact` the parts are CSV alone and there is no file per organisation;
 * under `bulk`, no parts either: every row is still in each table's `.csv.gz` (docs/publishing.md).
 * Made as the files are written, after the pages, so that only one file's rows are held:
 * the Care Inspectorate's judgements are 226 MB of JSON, and all the files at once took
 * the build past 3 GB.
 */
export function* openDataFiles(site: OpenDataInput): Generator<[path: string, pieces: Iterable<string>]> {
  const { model, settings } = site;
  const about: About = {
    title: settings.title,
    licence: settings.licence,
    publisher: settings.publisher,
    as_at: site.national.asAt,
    data_notes: model.inspectorates.flatMap((inspectorate) => (inspectorate.dataNote ? [inspectorate.dataNote] : [])),
  };
  // Oldest inspection first, so files diff well between builds. Paths are addresses without the leading '/'.
  const chronological = openDataOrder(model.inspections);
  const path = (url: string) => url.slice(1);
  // For a host with a size cap (docs/publishing.md): compact, the parts as CSV alone and no
  // file per organisation; bulk, each table as its .csv.gz alone.
  const form = settings.openData ?? "whole";
  yield* partedTables(site.openDataParts(), chronological, about, form);
  yield [
    path(openDataJsonUrl("organisations")),
    jsonTable(about, "organisations", model.organisations.map(organisationRow)),
  ];
  if (form === "whole")
    for (const organisation of model.organisations)
      yield [path(organisationDataUrl(organisation)), [compactJson(organisationData(organisation, about))]];
  for (const [name, schema] of Object.entries(openDataSchemas))
    yield [path(dataSchemaUrl(name)), [schemaJson(z.toJSONSchema(schema))]];
  const national: [string, string][] = [];
  addNational(site, about, (url, text) => national.push([path(url), text]));
  for (const [file, text] of national) yield [file, [text]];
  // The content format itself, for anyone writing or checking content files elsewhere.
  for (const [kind, schema] of Object.entries(site.contentSchemas))
    yield [path(dataSchemaUrl(kind, "content")), [schemaJson(schema)]];
}
