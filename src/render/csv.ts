/**
 * CSV as RFC 4180 describes it: a header row, comma-separated fields, CRLF line breaks,
 * and fields quoted (with quotes doubled) when they hold a comma, a quote or a line break.
 * https://www.rfc-editor.org/rfc/rfc4180
 *
 * Text that a spreadsheet would run as a formula (CSV injection: `=HYPERLINK(...)`,
 * `@SUM(...)`) is neutralised as OWASP recommends: a text cell starting with =, +, -, @,
 * a tab or a carriage return gets a single quote before it, and is quoted, so Excel,
 * LibreOffice and Google Sheets show it as text. Numbers are written as they are (-3 is a
 * number, not a formula). The /data/ page says so; the JSON files hold the text unchanged.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
export type CsvValue = string | number | boolean | null;

/** The characters a spreadsheet reads as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as it is written: neutralised if it would start a formula, quoted if it must be. */
export function csvText(text: string): string {
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function field(value: CsvValue): string {
  if (value === null) return "";
  return typeof value === "string" ? csvText(value) : String(value);
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  return [...csvChunks(columns, rows)].join("");
}

/** The same text as `toCsv`, in pieces of `batch` rows: a large table is written without being held whole. */
export function* csvChunks(
  columns: readonly string[],
  rows: Iterable<Record<string, CsvValue>>,
  batch = 1000,
): Generator<string> {
  yield `${columns.map(field).join(",")}\r\n`;
  let lines: string[] = [];
  for (const row of rows) {
    lines.push(columns.map((column) => field(row[column] ?? null)).join(","));
    if (lines.length === batch) {
      yield `${lines.join("\r\n")}\r\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join("\r\n")}\r\n`;
}
