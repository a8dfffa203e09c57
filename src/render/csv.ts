/**
 * CSV as RFC 4180 describes it: a header row, comma-separated fields, CRLF line breaks,
 * and fields quoted (with quotes doubled) when they hold a comma, a quote or a line break.
 * https://www.rfc-editor.org/rfc/rfc4180
 */
export type CsvValue = string | number | boolean | null;

function field(value: CsvValue): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.map(field).join(",")];
  for (const row of rows) lines.push(columns.map((column) => field(row[column] ?? null)).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
