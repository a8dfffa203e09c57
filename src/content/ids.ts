/**
 * Ids: the file names that become parts of web addresses, and every reference to them
 * (an inspection's organisation, a judgement's area, a grade). One rule for all of them,
 * so an id an editor may write is one a page address can hold.
 */

import slugifyText from "@sindresorhus/slugify";

/** Lower case letters and digits, in words joined by single hyphens: `help-and-protection`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rule, as it reads inside a sentence. */
export const ID_RULE = "lower case letters, digits and single hyphens";

/**
 * Words of the id rule that JavaScript keeps for itself: every object has a `constructor`,
 * so an area, a grade or an organisation of that name would be found where none was
 * written. (`__proto__`, `toString` and the rest are not ids in any case.)
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype).filter((name) => ID_PATTERN.test(name)));

export function isId(text: string): boolean {
  return ID_PATTERN.test(text) && !RESERVED_IDS.has(text);
}

/**
 * An id made from a name or a mistyped id: "Bournemouth, Christchurch & Poole" ->
 * "bournemouth-christchurch-and-poole", "Ynys Môn" -> "ynys-mon", "Straße" -> "strasse",
 * "Łódź" -> "lodz". Accents are dropped ("Zürich" -> "zurich"); other letters beyond
 * English are written as English readers would (@sindresorhus/slugify); `&` is "and";
 * apostrophes go ("St Mary's" -> "st-marys", "O'Brien" -> "obrien"); a capital inside a
 * word starts no new word ("McDonald" -> "mcdonald"). So a name in plain English letters
 * gives the id it always has. "" when the text has no letters or digits.
 */
export function slugify(name: string): string {
  // Accents first, as marks apart from their letters: slugify would write German ü as "ue".
  const unaccented = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return slugifyText(unaccented, {
    decamelize: false,
    customReplacements: [
      ["'", ""],
      ["\u2019", ""],
    ],
  });
}
