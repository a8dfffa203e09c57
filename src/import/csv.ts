/**
 * Reads a CSV with a real parser (csv-parse): quoted commas, ampersands, doubled quotes
 * and line breaks inside quotes all survive. Each row keeps the line of the file it
 * starts on, so a skipped row can be found in a spreadsheet or a text editor.
 */
import { parse } from "csv-parse/sync";

export interface CsvRow {
  /** The line of the file the row starts on; the header is line 1. */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

export class CsvError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = "CsvError";
    this.line = line;
  }
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

export function readCsv(input: string): CsvTable {
  // Line numbers are counted on "\n"; old Mac "\r" and Windows "\r\n" endings become "\n".
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const details = error as { message?: string; lines?: number };
    const message = (details.message ?? String(error)).replace(/^Invalid Record Length: /, "");
    throw new CsvError(`The CSV cannot be read: ${message}`, details.lines ?? 1);
  }
  const first = records[0];
  if (!first) throw new CsvError("The CSV is empty: it needs a first line naming the columns.", 1);
  const header = first.record.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name === "") throw new CsvError("A column in the first line has no name.", 1);
    if (seen.has(name)) throw new CsvError(`Two columns are both called '${name}'.`, 1);
    seen.add(name);
  }
  const rows = records.slice(1).map(({ record, raw, info }) => {
    // `info.lines` is the line the record ends on; `raw` also holds any empty lines before it.
    const own = raw.replace(/^\n+/, "").replace(/\n$/, "");
    const line = info.lines - (own.match(/\n/g)?.length ?? 0);
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      values[name] = record[index] ?? "";
    });
    return { line, values };
  });
  return { header, rows };
}
