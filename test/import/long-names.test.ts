/** An organisation's id from a long name fits the length an id may have, with a code to tell two apart kept whole. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isId } from "../../src/content/ids.ts";
import { LIMITS } from "../../src/content/limits.ts";
import { fitId } from "../../src/authoring/import/names.ts";

const test = suite("import: ids from long names");

const long = "east-ayrshire-health-and-social-care-partnership-care-at-home-and-housing-support-service-north-locality";

test("a short id is as it was", () => {
  assert.is(fitId("bield-house"), "bield-house");
  assert.is(fitId("bield-house", "cs2003000150"), "bield-house-cs2003000150");
});

test("a long id is cut at the end of a word, within the limit", () => {
  const id = fitId(long);
  assert.ok(id.length <= LIMITS.id && isId(id), id);
  assert.is(id, "east-ayrshire-health-and-social-care-partnership-care-at-home-and-housing-support-service-north");
  const exact = "a".repeat(LIMITS.id + 5);
  assert.is(fitId(exact), "a".repeat(LIMITS.id), "one long word is cut where it must be");
});

test("the code after a long name is kept whole, so two services of one name stay two", () => {
  const one = fitId(long, "cs2011282268");
  const two = fitId(long, "cs2011282271");
  for (const id of [one, two]) assert.ok(id.length <= LIMITS.id && isId(id), id);
  assert.ok(one.endsWith("-cs2011282268") && two.endsWith("-cs2011282271"));
  assert.is.not(one, two);
});

test.run();
