/**
 * Which kinds of organisation a framework is used for (docs/frameworks.md, `appliesTo` on
 * a framework): Ofsted's ILACS for local authorities, HMICFRS's PEEL for police forces. A
 * framework that does not say is used for every kind. Kinds are matched exactly, as an
 * organisation's `kind` is written: pages group organisations by it, so a spelling that
 * differs only in case or punctuation is a problem of its own (src/content/near-duplicates.ts).
 */
import { listsKind } from "./applies.ts";
import { inForceOn } from "./in-force.ts";
import type { Framework } from "./types.ts";

/** True when `framework` is used for organisations of `kind` (every kind when it does not say). */
export function frameworkAppliesTo(framework: Pick<Framework, "appliesTo">, kind: string): boolean {
  return listsKind(framework.appliesTo, kind);
}

/** Of `frameworks`, those in force on `day` that are used for organisations of `kind`, in the order given. */
export function frameworksFor<F extends Pick<Framework, "appliesTo" | "inForce">>(
  frameworks: Iterable<F>,
  day: string,
  kind: string,
): F[] {
  return [...frameworks].filter((framework) => inForceOn(framework, day) && frameworkAppliesTo(framework, kind));
}
