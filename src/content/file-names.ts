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
 * taken adds a number or refuses, as it says.
 */
export function inspectionFileName(day: string, kind: string): string {
  return `${day.slice(0, 4)}-${kind === KIND_UNKNOWN ? "inspection" : kind}`;
}
