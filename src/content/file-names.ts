/**
 * The one rule for naming an inspection's file, which every tool that makes one follows:
 * `npm run new` (src/authoring/scaffold), `npm run import` (src/authoring/import), `npm run draft`
 * (src/authoring/draft), and the content manager, whose slug template in src/authoring/editors/decap-config.ts
 * says the same in Decap's words. docs/content-format.md, "File names".
 */
import { KIND_UNKNOWN } from "../model/outcomes.ts";

/**
 * `<year>-<kind>`: the year of `day` (the visit's first day, or the publication day when
 * the visit's days are not known) and the kind's id, or `inspection` when the kind is not
 * known: `2025-standard`, `2020-focused-visit`. Without `.md`; a tool that finds the name
 * taken adds a number (freeFileName) or refuses, as it says.
 */
export function inspectionFileName(day: string, kind: string): string {
  return `${day.slice(0, 4)}-${kind === KIND_UNKNOWN ? "inspection" : kind}`;
}

/**
 * The rule for a name already taken, every tool's: the first of `name`, `name-2`,
 * `name-3`, ... that `taken` does not hold (`2025-standard-2` for a second standard
 * inspection in 2025).
 */
export function freeFileName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  for (let count = 2; ; count++) if (!taken(`${name}-${count}`)) return `${name}-${count}`;
}

/**
 * True for a numbered name the rule never gives: `name-1` where `name` is taken. The
 * content manager (Decap) numbers a taken name from `-1`; told that `-1` is taken too, it
 * goes on to `-2`, as the rule says.
 */
export function skippedByTheRule(name: string, taken: (candidate: string) => boolean): boolean {
  const numbered = /^(.+)-1$/.exec(name);
  return numbered !== null && taken(numbered[1]!);
}

/** `name` without the number the rule adds to a taken name (`2025-standard` of `2025-standard-2`). */
export const unnumbered = (name: string): string => name.replace(/-[2-9]$|-[1-9]\d+$/, "");
