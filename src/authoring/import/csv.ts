/**
 * Reads a CSV with a real parser (csv-parse): quoted commas, ampersands, doubled quotes
 * and line breaks inside quotes all survive. Each row keeps the line of the file it
 * starts on, so a skipped row can be found in a spreadsheet or a text editor.
 *
 * A file is read a megabyte at a time and its rows handed on one by one (`openCsv`), so a
 * CSV of a million rows is never in memory at once. It is read as UTF-8 unless told
 * otherwise (`latin1`, which is Windows-1252, as spreadsheets save it): bytes that are not
 * UTF-8 stop the reading with their line, rather than becoming "M�n". A named pipe, a
 * device or a socket is refused before it is opened: reading one could wait for ever.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { Parser } from "csv-parse";
import { DateTime } from "luxon";
import { notPlainFile } from "./input-files.ts";

export interface CsvRow {
  /** The line of the file the row starts on; the header is line 1. */
  line: number;
  /** Cell by column name (`__proto__`, `constructor` and `prototype` are refused as column names). */
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** A CSV on disk: its header, read when it is opened, and its rows, read again from the start each time they are asked for. */
export interface CsvSource {
  header: string[];
  rows(): Generator<CsvRow>;
}

export const CSV_ENCODINGS = ["utf8", "latin1"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export class CsvError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = "CsvError";
    this.line = line;
  }
}

/** Column names that would reach Object's own properties in the code that reads cells. */
const RESERVED_COLUMNS = new Set(["__proto__", "constructor", "prototype"]);

/** The longest record read, in characters: a quote left open would otherwise read the rest of the file into one cell. */
const MAX_RECORD = 1_000_000;
const CHUNK = 1 << 20;

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** csv-parse's own parser, the one its stream and sync APIs share, fed text as it is read. */
type ParserApi = {
  parse(buffer: Buffer | undefined, end: boolean, push: (record: ParsedRecord) => void, close: () => void): unknown;
};

function newParser(): ParserApi {
  const options = {
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: false,
    max_record_size: MAX_RECORD,
  };
  return (new Parser(options) as unknown as { api: ParserApi }).api;
}

function parseError(error: unknown): CsvError {
  const details = error as { message?: string; lines?: number; code?: string };
  if (details.code === "CSV_MAX_RECORD_SIZE")
    return new CsvError(
      `The CSV cannot be read: a row is longer than ${MAX_RECORD.toLocaleString("en-GB")} characters (perhaps a quote that is never closed).`,
      details.lines ?? 1,
    );
  const message = (details.message ?? String(error)).replace(/^Invalid Record Length: /, "");
  return new CsvError(`The CSV cannot be read: ${message}`, details.lines ?? 1);
}

/** Where a trailing UTF-8 sequence that the next chunk completes begins (`bytes.length` when none does). */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** The offset of the first byte that does not begin a valid UTF-8 character (run only once decoding has failed). */
function firstInvalid(bytes: Uint8Array): number {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  for (let at = 0; at < bytes.length;) {
    const byte = bytes[at]!;
    const need = byte < 0x80 ? 1 : byte < 0xc2 ? 0 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : byte < 0xf5 ? 4 : 0;
    if (need === 0) return at;
    try {
      strict.decode(bytes.subarray(at, at + need));
    } catch {
      return at;
    }
    at += need;
  }
  return bytes.length;
}

/** Bytes -> text, chunk by chunk, with Windows and old Mac line ends made "\n" and the byte-order mark dropped. */
function textDecoder(encoding: CsvEncoding) {
  const decoder = new TextDecoder(encoding === "utf8" ? "utf-8" : "windows-1252", {
    fatal: encoding === "utf8",
    ignoreBOM: true,
  });
  let carry = new Uint8Array(0);
  let pendingReturn = false;
  let first = true;
  let lines = 1;
  return (chunk: Uint8Array | undefined): string => {
    let bytes = chunk ?? new Uint8Array(0);
    if (carry.length > 0) bytes = Buffer.concat([carry, bytes]);
    const upTo = chunk === undefined ? bytes.length : completeLength(bytes);
    carry = bytes.slice(upTo);
    const part = bytes.subarray(0, upTo);
    let text: string;
    try {
      text = decoder.decode(part);
    } catch {
      const at = firstInvalid(part);
      const line = lines + part.subarray(0, at).filter((byte) => byte === 0x0a).length;
      const hex = `0x${part[at]!.toString(16).toUpperCase().padStart(2, "0")}`;
      throw new CsvError(
        `The CSV is not UTF-8 (byte ${hex} cannot begin a UTF-8 character). Save it as UTF-8 ("CSV UTF-8" in a spreadsheet), or, if it is Latin-1 (Windows-1252), say so with --encoding latin1.`,
        line,
      );
    }
    for (const byte of part) if (byte === 0x0a) lines++;
    if (first) text = text.replace(/^\uFEFF/, "");
    first = false;
    if (pendingReturn) text = `\r${text}`;
    pendingReturn = chunk !== undefined && text.endsWith("\r");
    if (pendingReturn) text = text.slice(0, -1);
    return text.replace(/\r\n?/g, "\n");
  };
}

/** The file's bytes a chunk at a time. */
function* fileChunks(path: string): Generator<Uint8Array> {
  const descriptor = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (;;) {
      const read = readSync(descriptor, buffer, 0, CHUNK, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(descriptor);
  }
}

/** The records of the text the chunks hold, each with the line it starts on. */
function* records(chunks: Iterable<Uint8Array>, encoding: CsvEncoding): Generator<{ record: string[]; line: number }> {
  const parser = newParser();
  const decode = textDecoder(encoding);
  const ready: ParsedRecord[] = [];
  const feed = (text: string | undefined, end: boolean) => {
    const error = parser.parse(
      text === undefined ? undefined : Buffer.from(text, "utf8"),
      end,
      (record) => {
        ready.push(record);
      },
      () => {},
    );
    if (error !== undefined) throw parseError(error);
  };
  const drain = function* () {
    for (const { record, raw, info } of ready) {
      // `info.lines` is the line the record ends on; `raw` also holds any empty lines before it.
      const own = raw.replace(/^\n+/, "").replace(/\n$/, "");
      yield { record, line: info.lines - (own.match(/\n/g)?.length ?? 0) };
    }
    ready.length = 0;
  };
  for (const chunk of chunks) {
    feed(decode(chunk), false);
    yield* drain();
  }
  feed(decode(undefined) || undefined, true);
  yield* drain();
}

function checkHeader(record: string[] | undefined): string[] {
  if (!record) throw new CsvError("The CSV is empty: it needs a first line naming the columns.", 1);
  const header = record.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name === "") throw new CsvError("A column in the first line has no name.", 1);
    if (RESERVED_COLUMNS.has(name))
      throw new CsvError(
        `A column is called '${name}', a name the importer cannot use (it is one of JavaScript's own: ${[...RESERVED_COLUMNS].join(", ")}). Rename the column, and the mapping's use of it.`,
        1,
      );
    if (seen.has(name)) throw new CsvError(`Two columns are both called '${name}'.`, 1);
    seen.add(name);
  }
  return header;
}

/** Records after the header -> rows, each cell under its column's name. */
function* rowsOf(header: string[], rest: Iterator<{ record: string[]; line: number }>): Generator<CsvRow> {
  for (let next = rest.next(); !next.done; next = rest.next()) {
    const { record, line } = next.value;
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      values[name] = record[index] ?? "";
    });
    yield { line, values };
  }
}

/** Why a path cannot be read as a CSV file, before it is opened; undefined when it can. */
export function notAFile(path: string): string | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? "there is no such file" : (error as Error).message;
  }
  const what = notPlainFile(stats);
  return what && `it is ${what}, not a file`;
}

/** Opens a CSV file: reads its header now (throwing a CsvError if it is unusable), and its rows when asked. */
export function openCsv(path: string, encoding: CsvEncoding = "utf8"): CsvSource {
  const why = notAFile(path);
  if (why) throw new CsvError(`Cannot read the CSV: ${why}.`, 1);
  const first = records(fileChunks(path), encoding);
  const header = checkHeader(first.next().value?.record);
  first.return(undefined);
  return {
    header,
    rows: () => {
      const all = records(fileChunks(path), encoding);
      all.next();
      return rowsOf(header, all);
    },
  };
}

/** A whole CSV held in memory, from its text (tests, and CSVs the mapping joins, which have one row per key). */
export function readCsv(input: string | Uint8Array, encoding: CsvEncoding = "utf8"): CsvTable {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const all = records([bytes], encoding);
  const header = checkHeader(all.next().value?.record);
  return { header, rows: [...rowsOf(header, all)] };
}

/** A date from its cell, in the mapping's format (or any of its formats), as YYYY-MM-DD; an empty cell has none. */
export type DateRead = { ok: true; value?: string } | { ok: false; reason: string };

export function readDate(row: CsvRow, spec: { column: string; format: string | string[] }): DateRead {
  const raw = (row.values[spec.column] ?? "").trim();
  if (raw === "") return { ok: true };
  const formats = typeof spec.format === "string" ? [spec.format] : spec.format;
  for (const format of formats) {
    const date = DateTime.fromFormat(raw, format, { zone: "utc", locale: "en-GB" });
    if (date.isValid) return { ok: true, value: date.toISODate()! };
  }
  return { ok: false, reason: `'${raw}' in ${spec.column} is not a real date written ${formats.join(" or ")}` };
}
