/**
 * The two large tables of the open data (inspections and judgements) in parts, so that no
 * file is too large for a CDN to compress or a host to take (docs/publishing.md): one part
 * per year of `placed_on`, and a year whose rows are more than `PART_BYTES` goes on in
 * `<year>-2`, `<year>-3`, ... An inspection's judgements are never split between parts.
 * The parts, in order, hold exactly the rows of the whole table; `parts.json` lists them.
 *
 * The size is measured on the rows' JSON, which is never smaller than their CSV: a CSV row
 * has no keys, writes null as nothing, and quotes no more than JSON does.
 */
import { z } from "zod";
import { aboutSchema, inspectionRow, judgementRows } from "./open-data.ts";
import type { Inspection } from "./types.ts";

/** The most bytes of rows a part holds; the header (the about object, the CSV's column names) comes on top, well within 10,000,000. */
export const PART_BYTES = 9_000_000;

export const PARTED_TABLES = ["inspections", "judgements"] as const;
export type PartedTable = (typeof PARTED_TABLES)[number];

export interface DataPart {
  table: PartedTable;
  /** The file's name without extension: the year, or `<year>-<n>` for a year's n-th part. */
  name: string;
  year: string;
  rows: number;
  /** The inspections whose rows it holds: [from, to) in the oldest-first list. */
  from: number;
  to: number;
}

export type OpenDataParts = Record<PartedTable, DataPart[]>;

/** What one inspection adds to a table: its year, and its rows' bytes and count. */
export interface RowsSize {
  year: string;
  bytes: number;
  rows: number;
}

/**
 * Parts of consecutive items: a new part at each change of year, or when the next item
 * would take the part over `limit` bytes (a part always takes at least one item).
 */
export function planParts(table: PartedTable, sizes: readonly RowsSize[], limit = PART_BYTES): DataPart[] {
  const parts: DataPart[] = [];
  const perYear = new Map<string, number>();
  let bytes = 0;
  for (const [index, size] of sizes.entries()) {
    const current = parts.at(-1);
    if (current && current.year === size.year && bytes + size.bytes <= limit) {
      current.to = index + 1;
      current.rows += size.rows;
      bytes += size.bytes;
      continue;
    }
    const count = (perYear.get(size.year) ?? 0) + 1;
    perYear.set(size.year, count);
    parts.push({
      table,
      name: count === 1 ? size.year : `${size.year}-${count}`,
      year: size.year,
      rows: size.rows,
      from: index,
      to: index + 1,
    });
    bytes = size.bytes;
  }
  return parts;
}

/**
 * The order the open data lists inspections in: oldest first as the model has them, kept
 * together by the year of `placed_on` (a stable sort: the model's order within a year). The
 * model orders some sources by publication, so years can interleave; a part holds one year.
 */
export function openDataOrder(newestFirst: readonly Inspection[]): Inspection[] {
  const year = (inspection: Inspection) => inspection.placedOn.slice(0, 4);
  return [...newestFirst].reverse().sort((a, b) => year(a).localeCompare(year(b)));
}

/** What one inspection adds to each table, worked out once per inspection object (the preview keeps unchanged ones). */
export type RowsSizeMemo = WeakMap<Inspection, Record<PartedTable, RowsSize>>;

function sizesOf(inspection: Inspection, memo?: RowsSizeMemo): Record<PartedTable, RowsSize> {
  const known = memo?.get(inspection);
  if (known) return known;
  const year = inspection.placedOn.slice(0, 4);
  const rows = judgementRows(inspection);
  const sizes = {
    inspections: { year, bytes: jsonBytes([inspectionRow(inspection)]), rows: 1 },
    judgements: { year, bytes: jsonBytes(rows), rows: rows.length },
  };
  memo?.set(inspection, sizes);
  return sizes;
}

const jsonBytes = (rows: readonly unknown[]): number =>
  rows.reduce<number>((total, row) => total + Buffer.byteLength(JSON.stringify(row)) + 1, 0);

/** The parts of both tables, for inspections in the open data's order (`openDataOrder`). */
export function planOpenDataParts(
  ordered: readonly Inspection[],
  limit = PART_BYTES,
  memo?: RowsSizeMemo,
): OpenDataParts {
  const sizes = ordered.map((inspection) => sizesOf(inspection, memo));
  return {
    inspections: planParts(
      "inspections",
      sizes.map((size) => size.inspections),
      limit,
    ),
    judgements: planParts(
      "judgements",
      sizes.map((size) => size.judgements),
      limit,
    ),
  };
}

const partSchema = z.strictObject({
  year: z.string().describe("The year of placed_on of every row in the part"),
  rows: z.number().int().describe("How many rows the part holds"),
  csv: z
    .string()
    .nullable()
    .describe("The part as CSV, relative to /data/; null where the site publishes its tables whole alone (bulk)"),
  json: z
    .string()
    .nullable()
    .describe("The part as JSON, relative to /data/; null where the site publishes its open data compact (CSV alone)"),
});

const tableSchema = z.strictObject({
  rows: z.number().int().describe("How many rows the whole table holds"),
  whole_csv_gz: z.string().describe("The whole table as one gzip-compressed CSV, relative to /data/"),
  parts: z.array(partSchema).describe("The parts, oldest first: together, exactly the rows of the whole table"),
});

/** parts.json: every part of each table, in order, and the whole table as one compressed CSV. */
export const partsIndexSchema = z.strictObject({
  about: aboutSchema,
  part_bytes: z
    .number()
    .int()
    .describe("The most bytes of rows in one part; a year with more goes on in <year>-2, <year>-3, ..."),
  form: z
    .enum(["whole", "compact", "bulk"])
    .describe(
      "The open data's form: whole (parts as CSV and JSON, a file per organisation); for a host with a size cap, compact (parts as CSV alone, no file per organisation) or bulk (each table whole as .csv.gz alone: the parts below are listed, with no files)",
    ),
  tables: z.strictObject({ inspections: tableSchema, judgements: tableSchema }),
});
