/**
 * What `npm start` keeps of the checks between reads (src/content/check-memory.ts): an
 * organisation whose inspections are the same objects is not checked again, one with an
 * inspection changed, added or removed, or whose page of reports changed, is; the
 * frameworks are built again only when a definition changed; and everything kept is
 * forgotten when the checks run against other frameworks or other files with problems.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkAgainst, checkMemory, checksByOrganisation, frameworksOf } from "../../src/content/check-memory.ts";
import type { Entry } from "../../src/content/content-set.ts";
import { noUnreadable } from "../../src/content/load.ts";
import type { ContentProblem } from "../../src/content/problems.ts";
import type { InspectionData } from "../../src/content/schema.ts";
import { fakeFile, sampleContent } from "../fixtures/content.ts";

const test = suite("content: the checks kept between reads");

function inspection(organisation: string, name: string): Entry<InspectionData> {
  const data = { organisation } as InspectionData;
  return { id: `${organisation}/${name}`, data, body: "", file: fakeFile(`content/inspections/${organisation}/${name}.md`, data) };
}

/** Runs the checks by organisation, each organisation's "problem" naming it and how many inspections it has, and says which were checked. */
function run(memory: ReturnType<typeof checkMemory>, inspections: Entry<InspectionData>[], withReports = new Set<string>()) {
  const checked: string[] = [];
  const problems = checksByOrganisation(memory, inspections, (organisation) => withReports.has(organisation), (group) => {
    checked.push(group[0]!.data.organisation);
    return [{ file: group[0]!.file.path, line: 1, column: 1, field: "", message: `${group.length}`, fix: "" } satisfies ContentProblem];
  });
  return { checked, problems: problems.map((problem) => `${problem.file} ${problem.message}`) };
}

test("only the organisations whose inspections or page of reports changed are checked again", () => {
  const memory = checkMemory();
  const [a1, a2, b1, c1] = [inspection("a", "1"), inspection("a", "2"), inspection("b", "1"), inspection("c", "1")];
  assert.equal(run(memory, [a1, a2, b1, c1]).checked, ["a", "b", "c"]);
  assert.equal(run(memory, [a1, a2, b1, c1]), { checked: [], problems: ["content/inspections/a/1.md 2", "content/inspections/b/1.md 1", "content/inspections/c/1.md 1"] });
  const b1Edited = { ...b1, data: { ...b1.data } };
  assert.equal(run(memory, [a1, a2, b1Edited, c1]).checked, ["b"]);
  assert.equal(run(memory, [a1, b1Edited, c1]), { checked: ["a"], problems: ["content/inspections/a/1.md 1", "content/inspections/b/1.md 1", "content/inspections/c/1.md 1"] });
  assert.equal(run(memory, [a1, b1Edited, c1], new Set(["c"])).checked, ["c"]);
  assert.equal(run(memory, [a1, b1Edited], new Set(["c"])).problems, ["content/inspections/a/1.md 1", "content/inspections/b/1.md 1"]);
  assert.equal(run(memory, [a1, b1Edited, c1], new Set(["c"])).checked, ["c"], "an organisation gone is forgotten");
});

test("other frameworks, or other files with problems, forget every check kept", () => {
  const memory = checkMemory();
  const inspections = [inspection("a", "1"), inspection("b", "1")];
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
  const frameworks = frameworksOf(content, memory);
  assert.is(frameworksOf({ ...content, frameworks: [...content.frameworks] }, memory), frameworks);
  const scale = content.scales[0]!;
  const edited = { ...content, scales: [{ ...scale, data: { ...scale.data } }, ...content.scales.slice(1)] };
  const again = frameworksOf(edited, memory);
  assert.is.not(again, frameworks);
  assert.equal([...again.keys()], [...frameworks.keys()]);
  assert.is.not(frameworksOf(content), frameworksOf(content), "without a memory, built each time");
});

test.run();
