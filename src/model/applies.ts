/**
 * Areas that apply (docs/frameworks.md): a framework may say which kinds of organisation an
 * area applies to (children and young people's wellbeing to services for children). Pages
 * list an area that does not apply to an organisation only where it has a grade in it.
 */
import type { Area, Organisation } from "./types.ts";

/** True when a list of kinds (an area's or a framework's `appliesTo`) takes `kind`: every kind when there is no list. */
export function listsKind(appliesTo: readonly string[] | undefined, kind: string): boolean {
  return appliesTo === undefined || appliesTo.includes(kind);
}

/** True when `area` applies to `organisation`'s kind (every area applies when its framework does not say). */
export function appliesTo(area: Pick<Area, "appliesTo">, organisation: Pick<Organisation, "kind">): boolean {
  return listsKind(area.appliesTo, organisation.kind);
}
