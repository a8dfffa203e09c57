/**
 * Arrays of any length: `target.push(...items)` and `Math.max(...values)` pass every item
 * as an argument, and past some 100,000 of them JavaScript throws "Maximum call stack size
 * exceeded" (150,000 problems crashed `npm run check` that way). These take any number.
 * test/style/spreads.test.ts keeps the spreads out of src/.
 */

/** Adds every item to the end of `target`, and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of the values (-Infinity for none, as Math.max()). */
export function largest(values: Iterable<number>): number {
  let found = -Infinity;
  for (const value of values) if (value > found || Number.isNaN(value)) found = value;
  return found;
}

/** The smallest of the values (Infinity for none, as Math.min()). */
export function smallest(values: Iterable<number>): number {
  let found = Infinity;
  for (const value of values) if (value < found || Number.isNaN(value)) found = value;
  return found;
}
