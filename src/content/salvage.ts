/**
 * What is right in a file that failed its schema: each top-level field checked on its own,
 * the ones that pass kept. The checks across files then still look at them (a grade
 * against the framework's scale, the kind, the visit's dates), so a misspelt field or a
 * bad date does not hide a misspelt grade until the editor has fixed the first and run
 * the check again. Nothing salvaged reaches the model: the file has problems.
 */
import type { z } from "zod";
import type { Entry } from "./content-set.ts";
import { closest } from "./suggest.ts";

/** A file's entry with only its right fields; `invalid` names the fields that are wrong or missing. */
export interface Salvaged<T> extends Omit<Entry<T>, "data"> {
  data: Partial<T>;
  /** Fields present but wrong, or required and missing: checks that need one of them are skipped. */
  invalid: ReadonlySet<string>;
}

export function salvage(schema: z.ZodType, data: unknown): { data: Record<string, unknown>; invalid: Set<string> } {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const fields = data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const right: Record<string, unknown> = {};
  const invalid = new Set<string>();
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const value = Object.hasOwn(fields, key) ? fields[key] : undefined;
    const parsed = fieldSchema.safeParse(value);
    if (!parsed.success) invalid.add(key);
    else if (parsed.data !== undefined) right[key] = parsed.data;
  }
  // A misspelt field ('publised') is the field it was meant to be, written wrongly: not missing as well.
  for (const key of Object.keys(fields)) {
    const meant = Object.hasOwn(shape, key) ? undefined : closest(key, Object.keys(shape));
    if (meant !== undefined) invalid.add(meant);
  }
  return { data: right, invalid };
}
