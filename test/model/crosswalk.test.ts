/**
 * Following the sample's framework lineages: which steps lie between two frameworks, what
 * each current area descends from, and when grades can be translated.
 */
import { frameworksApartWords } from "../../src/render/why-not-compared.ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildFrameworkIndex } from "../../src/model/build-model.ts";
import { gradeTranslation, stepsBetween, traceFrameworks } from "../../src/model/crosswalk.ts";
import type { Framework } from "../../src/model/types.ts";
import { sampleContent } from "../fixtures/content.ts";

const { frameworks } = buildFrameworkIndex(sampleContent());
function get(id: string): Framework {
  const found = frameworks.get(id);
  if (!found) throw new Error(`The sample has no framework ${id}.`);
  return found;
}
const ids = (steps: Framework[] | null) => steps?.map((step) => step.id) ?? null;

const lineage = suite("framework lineages");

lineage("every Ofsted children's services framework belongs to the lineage that starts with the SIF", () => {
  assert.equal(
    ["ofsted-sif-2013", "ofsted-ilacs-2018", "ofsted-ilacs-2023", "ofsted-ilacs-2026"].map((id) => get(id).lineage),
    ["ofsted-sif-2013", "ofsted-sif-2013", "ofsted-sif-2013", "ofsted-sif-2013"],
  );
  assert.is(get("hmicfrs-peel-2021").lineage, "hmicfrs-peel-2018");
  assert.equal(
    get("ofsted-ilacs-2018").replacedBy.map((framework) => framework.id),
    ["ofsted-ilacs-2023"],
  );
});

lineage("the steps from ILACS 2026 back to the SIF are the three newer frameworks, newest first", () => {
  assert.equal(ids(stepsBetween(get("ofsted-ilacs-2026"), get("ofsted-sif-2013"))), [
    "ofsted-ilacs-2026",
    "ofsted-ilacs-2023",
    "ofsted-ilacs-2018",
  ]);
  assert.equal(ids(stepsBetween(get("ofsted-ilacs-2023"), get("ofsted-ilacs-2023"))), []);
});

lineage("there are no steps forward in time, nor between inspectorates", () => {
  assert.is(stepsBetween(get("ofsted-sif-2013"), get("ofsted-ilacs-2023")), null);
  assert.is(stepsBetween(get("hmicfrs-peel-2021"), get("ofsted-ilacs-2018")), null);
  assert.is(traceFrameworks(get("ofsted-ilacs-2018"), get("ofsted-ilacs-2023")), null);
});

const trace = suite("tracing areas back through crosswalks");

trace("SIF to ILACS 2026: each current area, what it came from and the strongest change on the way", () => {
  const traced = traceFrameworks(get("ofsted-ilacs-2026"), get("ofsted-sif-2013"));
  assert.equal(
    traced?.areas.map((area) => [area.areaId, area.relation, area.from.join(" + ")]),
    [
      ["impact-of-leaders", "renamed", "leadership-management-governance"],
      ["help-and-protection", "renamed", "help-and-protection"],
      // ILACS 2018's one judgement took the SIF's children looked after and its care leavers
      // sub-judgement, and ILACS 2023 split it again: several old areas, so merged.
      ["children-in-care", "merged", "children-looked-after + care-leavers-experiences"],
      ["care-leavers", "merged", "children-looked-after + care-leavers-experiences"],
    ],
  );
  // Removed on the way: the SIF's adoption sub-judgement in 2018, overall effectiveness in
  // 2026. The safeguarding board review is shown apart and never traced.
  assert.equal(
    traced?.removed.map((area) => area.areaId),
    ["overall-effectiveness", "adoption-performance"],
  );
});

trace("a framework traced against itself is the same in every area, with nothing removed", () => {
  const traced = traceFrameworks(get("ofsted-ilacs-2023"), get("ofsted-ilacs-2023"));
  assert.equal(
    traced?.areas.map((area) => `${area.areaId}:${area.relation}:${area.from.join()}`),
    [
      "overall-effectiveness:same:overall-effectiveness",
      "impact-of-leaders:same:impact-of-leaders",
      "help-and-protection:same:help-and-protection",
      "children-in-care:same:children-in-care",
      "care-leavers:same:care-leavers",
    ],
  );
  assert.equal(traced?.removed, []);
});

const grades = suite("translating grades between frameworks");

grades("within one scale, a grade stays itself", () => {
  const translation = gradeTranslation(get("ofsted-ilacs-2026"), get("ofsted-sif-2013"));
  assert.ok("translate" in translation);
  assert.equal(
    ["outstanding", "good", "requires-improvement", "inadequate"].map((id) => translation.translate(id)),
    ["outstanding", "good", "requires-improvement", "inadequate"],
  );
});

grades("HMICFRS's move from four grades to five, with no declared translation, gives the reason instead", () => {
  const translation = gradeTranslation(get("hmicfrs-peel-2021"), get("hmicfrs-peel-2018"));
  assert.equal(translation, {
    reason: { code: "no-grade-translation", newer: get("hmicfrs-peel-2021"), older: get("hmicfrs-peel-2018") },
  });
  assert.is(
    "reason" in translation && frameworksApartWords(translation.reason),
    "PEEL 2021 grades on the HMICFRS PEEL five-point scale (from 2021) and PEEL 2018/19 on the HMICFRS PEEL four-point scale (2014 to 2020); the inspectorate gives no way to translate one into the other.",
  );
});

grades("frameworks of different lineages have no translation, and say why", () => {
  const translation = gradeTranslation(get("ofsted-ilacs-2023"), get("hmicfrs-peel-2018"));
  assert.equal(translation, {
    reason: { code: "not-linked", newer: get("ofsted-ilacs-2023"), older: get("hmicfrs-peel-2018") },
  });
  assert.is(
    "reason" in translation && frameworksApartWords(translation.reason),
    "ILACS 2023 and PEEL 2018/19 are not in one lineage of frameworks, so no crosswalk links their areas.",
  );
});

lineage.run();
trace.run();
grades.run();
