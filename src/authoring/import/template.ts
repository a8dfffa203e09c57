/**
 * Text made from a row: `{column}` in a mapping's template is replaced by the row's cell
 * (docs/importing.md, "Templates"). A template whose cells are not all filled gives
 * nothing rather than a sentence with a hole in it.
 */
import type { CsvRow } from "./csv.ts";

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** The columns a template names, in order. */
export function templateColumns(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!.trim());
}

/**
 * The template with each `{column}` replaced by the row's cell (trimmed, and made safe
 * inside a web address when `encode`); undefined when any of those cells is empty.
 */
export function fillTemplate(template: string, row: CsvRow, encode = false): string | undefined {
  let empty = false;
  const text = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = (row.values[name.trim()] ?? "").trim().replace(/\s+/g, " ");
    if (value === "") empty = true;
    return encode ? encodeURIComponent(value) : value;
  });
  return empty ? undefined : text;
}
