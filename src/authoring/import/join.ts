/**
 * More about each row from other CSVs (docs/importing.md, "join"): each joined CSV has one
 * row per key, and its columns are read as `<as>.<column>`. A row whose key none of the
 * joined rows has is skipped with the reason, rather than imported without what the
 * mapping reads from there. The joined CSVs are held in memory (one row per key); the
 * imported CSV's rows are joined one at a time, as they are read.
 */
import type { CsvRow, CsvTable } from "./csv.ts";
import { ImportSetupError } from "./types.ts";

export interface Join {
  /** How the command names the joined CSV, for messages. */
  name: string;
  table: CsvTable;
  /** The imported CSV's column holding the key. */
  on: string;
  /** The joined CSV's column holding the key. */
  key: string;
  as: string;
}

export interface Joined {
  table: CsvTable;
  /** Rows with no match in a joined CSV, by line: skipped, with the reason. */
  unmatched: Map<number, string>;
}

/** Joins one row at a time: the header after joining, and each row with the joined columns added. */
export interface Joiner {
  header: string[];
  join(row: CsvRow): { row: CsvRow; unmatched?: string };
}

function indexByKey(join: Join): Map<string, CsvRow> {
  if (!join.table.header.includes(join.key))
    throw new ImportSetupError(
      `${join.name} has no column '${join.key}' to join on. Its columns: ${join.table.header.join(", ")}.`,
    );
  const index = new Map<string, CsvRow>();
  for (const row of join.table.rows) {
    const key = (row.values[join.key] ?? "").trim();
    const earlier = index.get(key);
    if (earlier)
      throw new ImportSetupError(
        `${join.name} has two rows for ${join.key} '${key}' (lines ${earlier.line} and ${row.line}); a joined CSV needs one row per key.`,
      );
    if (key !== "") index.set(key, row);
  }
  return index;
}

/** A joiner for rows of a CSV whose columns are `header`. */
export function joiner(header: readonly string[], joins: readonly Join[]): Joiner {
  const indexed = joins.map((join) => ({
    join,
    index: indexByKey(join),
    names: join.table.header.map((name) => `${join.as}.${name}`),
  }));
  return {
    header: [...header, ...indexed.flatMap(({ names }) => names)],
    join(row) {
      const values = { ...row.values };
      let unmatched: string | undefined;
      for (const { join, index, names } of indexed) {
        const key = (values[join.on] ?? "").trim();
        const match = index.get(key);
        if (!match && unmatched === undefined)
          unmatched = `${join.name} has no row whose ${join.key} is '${key}' (the row's ${join.on})`;
        join.table.header.forEach((name, position) => {
          values[names[position]!] = match?.values[name] ?? "";
        });
      }
      return { row: { line: row.line, values }, ...(unmatched === undefined ? {} : { unmatched }) };
    },
  };
}

/** The imported table with every joined CSV's columns added to each row, as `<as>.<column>`. */
export function joinTables(table: CsvTable, joins: readonly Join[]): Joined {
  const unmatched = new Map<number, string>();
  const each = joiner(table.header, joins);
  const rows = table.rows.map((row) => {
    const joined = each.join(row);
    if (joined.unmatched !== undefined) unmatched.set(row.line, joined.unmatched);
    return joined.row;
  });
  return { table: { header: each.header, rows }, unmatched };
}
