/**
 * Organisations open and close (docs/domain.md, "Organisations that close"): a care service
 * deregisters, councils merge. An organisation is open on a day before the day it closed,
 * or, when only the last day it is known to have been open is known, up to that day. A
 * picture as at a day counts only those open then; a closed one keeps its pages.
 */
import type { Organisation } from "./types.ts";

/** True when the organisation was open on `day` (YYYY-MM-DD). */
export function openOn(organisation: Pick<Organisation, "closed" | "lastKnownOpen">, day: string): boolean {
  if (organisation.closed !== undefined) return day < organisation.closed;
  if (organisation.lastKnownOpen !== undefined) return day <= organisation.lastKnownOpen;
  return true;
}

/** Whether it has closed, by its file: a day it closed, or the last day it is known to have been open. */
export function hasClosed(organisation: Pick<Organisation, "closed" | "lastKnownOpen">): boolean {
  return organisation.closed !== undefined || organisation.lastKnownOpen !== undefined;
}
