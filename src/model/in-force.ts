/**
 * When a framework applied. A framework is in force from its first day to its last day
 * (`inForce.to`, when it has ended), both included: an inspection is made under the
 * framework in force on the first day of its visit (docs/domain.md).
 */

/** What a framework says about when it applied: the model's frameworks and the content's data both have it. */
export interface InForce {
  inForce: { from: string; to?: string | undefined };
}

/** True when the framework was in force on `day` (YYYY-MM-DD). */
export function inForceOn(framework: InForce, day: string): boolean {
  return framework.inForce.from <= day && (framework.inForce.to === undefined || day <= framework.inForce.to);
}

/** Those of `frameworks` in force on `day`, in the order given. */
export function frameworksInForce<F extends InForce>(frameworks: Iterable<F>, day: string): F[] {
  return [...frameworks].filter((framework) => inForceOn(framework, day));
}
