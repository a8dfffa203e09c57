/**
 * Gradings that give every grade in force (docs/importing.md, "history"): a service moving
 * between frameworks can have grades in force under both, the datastore showing its old
 * quality themes beside its first key questions, or a key question's column with no place in
 * the quality themes a grading dated before the key questions is read into. The grades of
 * the row that the framework it is filed under does not read are kept, each in the area of
 * the other framework of its line whose first column holds it (an earlier one first):
 * `alsoInForce` in the inspection file. Pure.
 */
import type { CsvRow } from "./csv.ts";
import { columnList, type Definitions, type Mapping } from "./mapping.ts";

export interface AlsoInForce {
  /** Framework id -> area id -> grade id. */
  grades: Record<string, Record<string, string>>;
  /** The columns they were read from. */
  columns: Set<string>;
}

/** The frameworks `id` replaced, nearest first, as the definitions say (`id` itself first). */
function chainOf(id: string, definitions: Definitions): string[] {
  const chain: string[] = [];
  for (let at: string | undefined = id; at && !chain.includes(at);) {
    chain.push(at);
    at = definitions.frameworks.get(at)?.replaces?.framework;
  }
  return chain;
}

/** The other frameworks of `id`'s line: those it replaced, nearest first, then those that came after it. */
function lineOf(id: string, definitions: Definitions): string[] {
  const earlier = chainOf(id, definitions).slice(1);
  const later = [...definitions.frameworks.keys()].filter(
    (other) => other !== id && chainOf(other, definitions).includes(id),
  );
  return [...earlier, ...later];
}

/**
 * The row's grades in columns that `read` (the columns the chosen framework's areas were
 * read from) does not hold, in the other frameworks of `frameworkId`'s line that the
 * mapping describes, each by the first column of one of their areas (those it replaced
 * first, nearest first, then those after it).
 */
export function alsoInForce(
  row: CsvRow,
  mapping: Mapping,
  definitions: Definitions,
  frameworkId: string,
  read: ReadonlySet<string>,
): AlsoInForce {
  const found: AlsoInForce = { grades: {}, columns: new Set() };
  for (const id of lineOf(frameworkId, definitions)) {
    const areas = mapping.data.frameworks[id]?.areas ?? {};
    for (const [area, columns] of Object.entries(areas)) {
      const column = columnList(columns)[0]!;
      if (read.has(column) || found.columns.has(column)) continue;
      const outcome = mapping.grade((row.values[column] ?? "").trim());
      if (outcome.type !== "grade") continue;
      (found.grades[id] ??= {})[area] = outcome.id;
      found.columns.add(column);
    }
  }
  return found;
}
