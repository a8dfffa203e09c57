/**
 * What `npm start` keeps of the checks between reads (src/content/check-memory.ts): an
 * organisation the load's change does not name is not checked again, one it names (an
 * inspection changed, added or removed, its own page changed) is; the frameworks are
 * built again only when a definition changed; and everything kept is forgotten when the
 * change is not counted from the load the checks were kept at, or when the checks run
 * against other frameworks or other files with problems.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkAgainst, checkMemory, checksByOrganisation, followChange, frameworksOf } from "../../src/content/check-memory.ts";
import type { Entry } from "../../src/content/content-set.ts";
import { noUnreadable } from "../../src/content/load.ts";
import type { ContentProblem } from "../../src/content/problems.ts";
import type { InspectionData } from "../../src/content/schema.ts";
import { changedEverything, type SourceChange } from "../../src/model/source.ts";
import { fakeFile, sampleContent } from "../fixtures/content.ts";

const test = suite("content: the checks kept between reads");

function inspection(organisation: string, name: string): Entry<InspectionData> {
  const data = { organisation } as InspectionData;
  return { id: `${organisation}/${name}`, data, body: "", file: fakeFile(`content/inspections/${organisation}/${name}.md`, data) };
}

/** The change of load `at`, counted from the load before, naming `organisations`. */
function changeAt(at: number, organisations: string[] = [], more: Partial<SourceChange> = {}): SourceChange {
  return { ...changedEverything(at), since: at - 1, organisations: new Set(organisations), ...more };
}

/** Runs the checks by organisation, each organisation's "problem" naming it and how many inspections it has, and says which were checked. */
function run(memory: ReturnType<typeof checkMemory>, inspections: Entry<InspectionData>[]) {
  const checked: string[] = [];
  const problems = checksByOrganisation(memory, inspections, (group) => {
    checked.push(group[0]!.data.organisation);
    return [{ file: group[0]!.file.path, line: 1, column: 1, field: "", message: `${group.length}`, fix: "" } satisfies ContentProblem];
  });
  return { checked, problems: problems.map((problem) => `${problem.file} ${problem.message}`) };
}

test("only the organisations the load's change names are checked again", () => {
  const memory = checkMemory();
  const [a1, a2, b1, c1] = [inspection("a", "1"), inspection("a", "2"), inspection("b", "1"), inspection("c", "1")];
  followChange(memory, changedEverything(1));
  assert.equal(run(memory, [a1, a2, b1, c1]).checked, ["a", "b", "c"]);
  followChange(memory, changeAt(2));
  assert.equal(run(memory, [a1, a2, b1, c1]), { checked: [], problems: ["content/inspections/a/1.md 2", "content/inspections/b/1.md 1", "content/inspections/c/1.md 1"] });
  const b1Edited = { ...b1, data: { ...b1.data } };
  followChange(memory, changeAt(3, ["b"]));
  assert.equal(run(memory, [a1, a2, b1Edited, c1]).checked, ["b"]);
  followChange(memory, changeAt(4, ["a"]));
  assert.equal(run(memory, [a1, b1Edited, c1]), { checked: ["a"], problems: ["content/inspections/a/1.md 1", "content/inspections/b/1.md 1", "content/inspections/c/1.md 1"] });
  followChange(memory, changeAt(5, ["c"]));
  assert.equal(run(memory, [a1, b1Edited, c1]).checked, ["c"], "an organisation whose own page changed");
  followChange(memory, changeAt(6, ["c"]));
  assert.equal(run(memory, [a1, b1Edited]).problems, ["content/inspections/a/1.md 1", "content/inspections/b/1.md 1"]);
  followChange(memory, changeAt(7));
  assert.equal(run(memory, [a1, b1Edited, c1]).checked, ["c"], "an organisation gone is forgotten");
});

test("a change not counted from the last load, or with a definition in it, forgets every check kept", () => {
  const memory = checkMemory();
  const inspections = [inspection("a", "1"), inspection("b", "1")];
  followChange(memory, changedEverything(1));
  run(memory, inspections);
  followChange(memory, changeAt(2));
  assert.equal(run(memory, inspections).checked, []);
  followChange(memory, changeAt(4));
  assert.equal(run(memory, inspections).checked, ["a", "b"], "load 3 was not seen");
  followChange(memory, changeAt(5, [], { definitions: true }));
  assert.equal(run(memory, inspections).checked, ["a", "b"]);
  followChange(memory, changedEverything(6));
  assert.equal(run(memory, inspections).checked, ["a", "b"]);
});

test("other frameworks, or other files with problems, forget every check kept", () => {
  const memory = checkMemory();
  const inspections = [inspection("a", "1"), inspection("b", "1")];
  followChange(memory, changedEverything(1));
  const frameworks = frameworksOf(sampleContent(), memory);
  checkAgainst(memory, frameworks, noUnreadable());
  run(memory, inspections);
  checkAgainst(memory, frameworks, noUnreadable());
  assert.equal(run(memory, inspections).checked, []);
  checkAgainst(memory, frameworks, { ...noUnreadable(), inspections: new Set(["2019-broken"]) });
  assert.equal(run(memory, inspections).checked, ["a", "b"]);
  checkAgainst(memory, frameworks, { ...noUnreadable(), inspections: new Set(["2019-broken"]), frameworks: new Set(["broken"]) });
  assert.equal(run(memory, inspections).checked, ["a", "b"]);
  checkAgainst(memory, new Map(frameworks), { ...noUnreadable(), inspections: new Set(["2019-broken"]), frameworks: new Set(["broken"]) });
  assert.equal(run(memory, inspections).checked, ["a", "b"]);
});

test("the frameworks are built again only when an inspectorate, scale or framework changed", () => {
  const memory = checkMemory();
  const content = sampleContent();
  followChange(memory, changedEverything(1));
  const frameworks = frameworksOf(content, memory);
  followChange(memory, changeAt(2, ["a"]));
  assert.is(frameworksOf({ ...content, frameworks: [...content.frameworks] }, memory), frameworks);
  const scale = content.scales[0]!;
  const edited = { ...content, scales: [{ ...scale, data: { ...scale.data } }, ...content.scales.slice(1)] };
  followChange(memory, changeAt(3, [], { definitions: true }));
  const again = frameworksOf(edited, memory);
  assert.is.not(again, frameworks);
  assert.equal([...again.keys()], [...frameworks.keys()]);
  assert.is.not(frameworksOf(content), frameworksOf(content), "without a memory, built each time");
});

test.run();
