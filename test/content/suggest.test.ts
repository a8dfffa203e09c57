/**
 * "Did you mean ...?": near-miss suggestions for ids an editor typed. Only close matches
 * are offered, because a wrong suggestion is worse than none.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { closest, didYouMean, editDistance, listOf } from "../../src/content/suggest.ts";

const GRADES = ["outstanding", "good", "requires-improvement", "inadequate"];
const suggest = suite("near-miss suggestions");

suggest("a typo in a grade suggests the grade", () => {
  assert.is(didYouMean("goood", GRADES), " Did you mean 'good'?");
  assert.is(didYouMean("inadequat", GRADES), " Did you mean 'inadequate'?");
});

suggest("capitals, spaces and underscores are read as the id they stand for", () => {
  assert.is(closest("Requires improvement", GRADES), "requires-improvement");
  assert.is(closest("requires_improvement", GRADES), "requires-improvement");
  assert.is(closest("Good", GRADES), "good");
});

suggest("nothing is suggested when nothing is close", () => {
  assert.is(closest("excellent", GRADES), undefined);
  assert.is(didYouMean("excellent", GRADES), "");
  assert.is(didYouMean("anything", []), "");
});

suggest("an exact match is not suggested back", () => {
  assert.is(didYouMean("good", GRADES), "");
});

suggest("edit distance counts single-letter insertions, deletions and substitutions", () => {
  assert.is(editDistance("good", "good"), 0);
  assert.is(editDistance("goood", "good"), 1);
  assert.is(editDistance("god", "good"), 1);
  assert.is(editDistance("gold", "good"), 1);
  assert.is(editDistance("", "good"), 4);
});

suggest("ids are listed quoted, for messages", () => {
  assert.is(listOf(["standard", "short"]), "'standard', 'short'");
});

suggest.run();
