/**
 * Names as spreadsheets give them ("bournemouth, christchurch & poole") made readable
 * ("Bournemouth, Christchurch & Poole"). Ids are made from them by src/content/ids.ts.
 */
import { LIMITS } from "../../content/limits.ts";

/** Words that stay lower case inside a name, as place names write them. */
const SMALL_WORDS = new Set([
  "and",
  "of",
  "upon",
  "on",
  "with",
  "the",
  "in",
  "under",
  "by",
  "at",
  "for",
  "de",
  "le",
  "la",
  "en",
]);

function capitalise(word: string): string {
  const index = word.search(/\p{L}/u);
  if (index < 0) return word;
  return word.slice(0, index) + word.charAt(index).toUpperCase() + word.slice(index + 1);
}

/**
 * Title case for names written all in lower case. Small words stay lower case except at
 * the start ("Kingston upon Hull", "Southend-on-Sea", "Isle of Wight"); a word that
 * already has a capital letter ("NHS", "McDonald") is kept as written.
 */
export function titleCase(name: string): string {
  let first = true;
  return name
    .trim()
    .split(/(\s+)/)
    .map((token) => {
      if (/^\s+$/.test(token) || token === "") return token;
      const parts = token.split("-").map((part) => {
        if (part === "") return part;
        const isFirst = first;
        first = false;
        if (/\p{Lu}/u.test(part)) return part;
        const bare = part.replace(/[^\p{L}']/gu, "");
        if (!isFirst && SMALL_WORDS.has(bare)) return part;
        return capitalise(part);
      });
      return parts.join("-");
    })
    .join("")
    .replace(/\s+/g, " ");
}

/**
 * An id within the length an id may have (LIMITS.id), with `suffix` (a code, to tell two
 * organisations of one name apart) kept whole: a long name is cut at the end of a word.
 */
export function fitId(base: string, suffix = ""): string {
  const room = LIMITS.id - (suffix ? suffix.length + 1 : 0);
  let cut = base;
  if (base.length > room) {
    cut = base.slice(0, room);
    const lastHyphen = cut.lastIndexOf("-");
    if (base[room] !== "-" && lastHyphen > room / 2) cut = cut.slice(0, lastHyphen);
    cut = cut.replace(/-+$/, "");
  }
  return suffix ? `${cut}-${suffix}` : cut;
}
