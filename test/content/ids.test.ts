/** Ids made from names (src/content/ids.ts): every letter kept as English readers would write it, and plain English names as they always were. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { prng } from "../../bench/corpus.ts";
import { isId, slugify } from "../../src/content/ids.ts";

const test = suite("content: ids from names");

test("names give readable ids", () => {
  assert.is(slugify("Bournemouth, Christchurch & Poole"), "bournemouth-christchurch-and-poole");
  assert.is(slugify("St Mary's"), "st-marys");
  assert.is(slugify("O\u2019Brien"), "obrien");
  assert.is(slugify("Southend-on-Sea"), "southend-on-sea");
  assert.is(slugify("McDonald House"), "mcdonald-house");
  assert.is(slugify("  Ynys Môn "), "ynys-mon");
  assert.is(slugify("Zürich"), "zurich");
  assert.is(slugify("&"), "and");
  assert.is(slugify("--"), "");
});

test("no letter is lost: ß, Ł, Ø, Æ and the like are written out", () => {
  assert.is(slugify("Straße"), "strasse");
  assert.is(slugify("Łódź"), "lodz");
  assert.is(slugify("Øresund"), "oresund");
  assert.is(slugify("Ærø"), "aero");
  assert.is(slugify("Þórshöfn"), "thorshofn");
  assert.is(slugify("ﬁre station"), "fire-station");
});

/** The rule plain English names have always followed: lower case, `&` as "and", apostrophes dropped, anything else between words one hyphen. */
function plainRule(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

test("a name in plain ASCII gives the id it always had (5,000 generated names)", () => {
  const random = prng(42);
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.&'-_()/:;!?\"#+*";
  for (let index = 0; index < 5000; index++) {
    const name = Array.from({ length: 1 + Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    assert.is(slugify(name), plainRule(name), JSON.stringify(name));
    const id = slugify(name);
    assert.ok(id === "" || isId(id), `${JSON.stringify(name)} -> ${id}`);
  }
});

test.run();
