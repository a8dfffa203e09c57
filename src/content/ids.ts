/**
 * Ids: the file names that become parts of web addresses, and every reference to them
 * (an inspection's organisation, a judgement's area, a grade). One rule for all of them,
 * so an id an editor may write is one a page address can hold.
 */

/** Lower case letters and digits, in words joined by single hyphens: `help-and-protection`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rule, as it reads inside a sentence. */
export const ID_RULE = "lower case letters, digits and single hyphens";

export function isId(text: string): boolean {
  return ID_PATTERN.test(text);
}

/**
 * An id made from a name or a mistyped id: "Bournemouth, Christchurch & Poole" ->
 * "bournemouth-christchurch-and-poole". "" when the text has no letters or digits.
 */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
