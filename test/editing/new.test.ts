import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { Answers, type Prompter } from "../../src/authoring/scaffold/answers.ts";
import { loadScaffoldContent } from "../../src/authoring/scaffold/content.ts";
import { eventDate } from "../../src/authoring/scaffold/event.ts";
import { inspectionText, planInspection } from "../../src/authoring/scaffold/inspection.ts";
import { projectRoot, runTool, sampleCopy } from "./support.ts";

const scaffold = suite("npm run new");
let folder = "";
let content = "";

scaffold.before.each(() => {
  ({ folder, content } = sampleCopy("new"));
});
scaffold.after.each(() => rmSync(folder, { recursive: true, force: true }));

const problemsIn = (file: string) =>
  checkContent(projectRoot, content)
    .problems.filter((problem) => problem.file === relative(projectRoot, file).split("\\").join("/"))
    .map(formatProblem);

const newInspection = [
  "--organisation",
  "oxfordshire",
  "--start",
  "2025-06-02",
  "--end",
  "2025-06-13",
  "--kind",
  "standard",
  "--published",
  "2025-07-30",
];

scaffold(
  "writes an inspection under the framework in force, which check refuses until its placeholders are filled",
  () => {
    const result = runTool("new", [...newInspection, "--content", content]);
    assert.is(result.status, 0, result.stderr);
    const file = join(content, "inspections/oxfordshire/2025-standard.md");
    assert.match(result.stdout, "Created ");
    assert.match(result.stdout, "inspections/oxfordshire/2025-standard.md");
    assert.match(result.stdout, "https://example.org/organisations/oxfordshire/2025-standard/");
    assert.match(result.stdout, "http://localhost:8080/organisations/oxfordshire/2025-standard/");
    const text = readFileSync(file, "utf8");
    assert.match(text, "framework: ofsted-ilacs-2023\n");
    assert.match(text, "#   outstanding, good, requires-improvement, inadequate\n");
    for (const area of [
      "overall-effectiveness",
      "impact-of-leaders",
      "help-and-protection",
      "children-in-care",
      "care-leavers",
    ]) {
      assert.match(text, `  ${area}: TODO # `);
    }

    // Every placeholder at once: the empty report and summary, and the grades still TODO.
    const before = problemsIn(file);
    assert.equal(before.length, 7, before.join("\n"));
    assert.ok(
      before.some((problem) => /report: should be a link to the report starting https:\/\//.test(problem)),
      before.join("\n"),
    );
    assert.ok(
      before.some((problem) => /summary: should be some text \(it is empty\)/.test(problem)),
      before.join("\n"),
    );
    assert.equal(
      before.filter((problem) => problem.includes("'TODO' is a placeholder, not a grade")).length,
      5,
      before.join("\n"),
    );
    // Filled in except for the grades: the grades are refused, naming the allowed ones.
    const withText = text
      .replace('report: ""', "report: https://files.ofsted.gov.uk/v1/file/00000000")
      .replace('summary: ""', "summary: Good in every area.");
    writeFileSync(file, withText);
    const grades = problemsIn(file);
    assert.equal(grades.length, 5, grades.join("\n"));
    assert.match(
      grades[0]!,
      /judgements\.overall-effectiveness: 'TODO' is a placeholder, not a grade: the file is not finished\. Write the grade the report gives .* Allowed: 'outstanding', 'good'/,
    );

    writeFileSync(file, withText.replaceAll(": TODO #", ": good #"));
    const result2 = checkContent(projectRoot, content);
    assert.equal(result2.problems.map(formatProblem), []);
    assert.ok(result2.model?.inspections.some((inspection) => inspection.id === "oxfordshire/2025-standard"));
  },
);

scaffold("refuses to overwrite: exit 1, and the file is byte for byte as it was", () => {
  assert.is(runTool("new", [...newInspection, "--content", content]).status, 0);
  const file = join(content, "inspections/oxfordshire/2025-standard.md");
  writeFileSync(file, "edited by hand\n");
  const again = runTool("new", [...newInspection, "--content", content]);
  assert.is(again.status, 1);
  assert.match(again.stderr, "2025-standard.md already exists, so nothing was written.");
  assert.is(readFileSync(file, "utf8"), "edited by hand\n");
});

scaffold("picks ILACS 2026 for a visit after April 2026, and an ungraded kind needs only a summary", () => {
  const result = runTool("new", [
    "--organisation",
    "oxfordshire",
    "--start",
    "2026-05-11",
    "--end",
    "2026-05-12",
    "--kind",
    "focused-visit",
    "--content",
    content,
  ]);
  assert.is(result.status, 0, result.stderr);
  const file = join(content, "inspections/oxfordshire/2026-focused-visit.md");
  const text = readFileSync(file, "utf8");
  assert.match(text, "framework: ofsted-ilacs-2026\n");
  assert.not.match(text, "judgements:");
  assert.equal(problemsIn(file).length, 1);
  writeFileSync(file, text.replace('summary: ""', "summary: Ofsted looked at help for children on the edge of care."));
  assert.equal(checkContent(projectRoot, content).problems.map(formatProblem), []);
});

scaffold("lists a separate area and says so (the SIF's review of the safeguarding board)", async () => {
  const plan = await planInspection(
    new Answers(
      { organisation: "oxfordshire", start: "2016-03-01", end: "2016-03-24", kind: "single-inspection" },
      undefined,
    ),
    loadScaffoldContent(projectRoot, content),
  );
  assert.is(plan.framework.id, "ofsted-sif-2013");
  const separate = plan.framework.areas.find((area) => area.separate)!;
  assert.match(inspectionText(plan), new RegExp(`  ${separate.id}: TODO # .*shown apart, never compared\\n`));
});

scaffold("offers a choice of framework only where two overlap (SIF and ILACS 2018 in 2018)", async () => {
  const asked: string[] = [];
  const prompter = (answer: string): Prompter => ({
    question: async (text) => {
      asked.push(text);
      if (asked.length > 40) throw new Error(`Asked again and again: ${asked.slice(-3).join("; ")}`);
      return /framework|your choice/i.test(text) ? answer : "";
    },
    say: (text) => asked.push(text),
  });
  const plan = (start: string, end: string, kind: string, answer: string) =>
    planInspection(
      new Answers({ organisation: "oxfordshire", start, end, kind }, prompter(answer)),
      loadScaffoldContent(projectRoot, content),
    );
  const sif = await plan("2018-03-05", "2018-03-28", "single-inspection", "ofsted-sif-2013");
  assert.is(sif.framework.id, "ofsted-sif-2013", "a SIF inspection made in 2018");
  assert.ok(asked.some((question) => question.startsWith("More than one framework was in force on 2018-03-05")));
  const ilacs = await plan("2018-03-05", "2018-03-09", "short", "ofsted-ilacs-2018");
  assert.is(ilacs.framework.id, "ofsted-ilacs-2018", "an ILACS inspection made the same week");
  asked.length = 0;
  const later = await plan("2018-09-03", "2018-09-07", "short", "ofsted-sif-2013");
  assert.is(later.framework.id, "ofsted-ilacs-2018", "after the SIF's last inspections, no choice");
  assert.not.ok(
    asked.some((question) => question.includes("framework")),
    asked.join("; "),
  );
});

scaffold("organisations and events are written complete, and pass the check as they are", () => {
  const organisation = runTool("new", [
    "organisation",
    "--name",
    "Bath & North East Somerset Council",
    "--kind",
    "Unitary authority",
    "--region",
    "South West",
    "--content",
    content,
  ]);
  assert.is(organisation.status, 0, organisation.stderr);
  assert.match(organisation.stdout, "https://example.org/organisations/bath-and-north-east-somerset-council/");
  const event = runTool("new", [
    "event",
    "--organisation",
    "bath-and-north-east-somerset-council",
    "--title",
    "New director: a fresh start",
    "--date",
    "2022-08..2024-02",
    "--content",
    content,
  ]);
  assert.is(event.status, 0, event.stderr);
  const eventFile = join(content, "events/bath-and-north-east-somerset-council/2022-24-new-director-fresh-start.md");
  assert.match(readFileSync(eventFile, "utf8"), 'title: "New director: a fresh start"\n');
  assert.match(readFileSync(eventFile, "utf8"), "date:\n  from: 2022-08\n  to: 2024-02\n");
  const result = checkContent(projectRoot, content);
  assert.equal(result.problems.map(formatProblem), []);
  assert.is(
    result.model?.organisations.find((entry) => entry.id === "bath-and-north-east-somerset-council")?.events.length,
    1,
  );
});

scaffold("a new organisation leaves schemas/ and frontmatter.json as they were: they never list organisations", () => {
  for (const name of ["schemas", "frontmatter.json", "site.yaml"])
    cpSync(join(projectRoot, name), join(folder, name), { recursive: true });
  const before = ["frontmatter.json", "schemas/inspection.schema.json", "schemas/event.schema.json"].map((path) =>
    readFileSync(join(folder, path), "utf8"),
  );
  // As an editor runs it, from the project folder: here the copy.
  const result = spawnSync(
    process.execPath,
    [
      createRequire(import.meta.url).resolve("tsx/cli"),
      join(projectRoot, "src/cli/new.ts"),
      "organisation",
      "--name",
      "Example Borough Council",
      "--kind",
      "Unitary authority",
    ],
    { cwd: folder, encoding: "utf8" },
  );
  assert.is(result.status, 0, result.stderr);
  assert.not.match(result.stdout, "Updated");
  assert.equal(
    ["frontmatter.json", "schemas/inspection.schema.json", "schemas/event.schema.json"].map((path) =>
      readFileSync(join(folder, path), "utf8"),
    ),
    before,
  );
  assert.not.match(before.join(""), "oxfordshire", "no organisation is named in them");
});

scaffold("misuse exits 2 and writes nothing: a missing option, a value it cannot use, an unknown option", () => {
  const missing = runTool("new", ["--organisation", "oxfordshire", "--content", content]);
  assert.is(missing.status, 2);
  assert.match(missing.stderr, "Give --start: the first day of the visit, YYYY-MM-DD.");
  const typo = runTool("new", [
    ...newInspection.map((value) => (value === "oxfordshire" ? "oxfordshre" : value)),
    "--content",
    content,
  ]);
  assert.is(typo.status, 2);
  assert.match(typo.stderr, "There is no organisation 'oxfordshre'. Did you mean 'oxfordshire'?");
  const tooEarly = runTool("new", [
    ...newInspection.map((value) => (value === "2025-06-02" ? "1999-06-02" : value)),
    "--content",
    content,
  ]);
  assert.is(tooEarly.status, 2);
  assert.match(tooEarly.stderr, "No framework was in force on 1999-06-02");
  const wrongKind = runTool("new", [
    ...newInspection.map((value) => (value === "standard" ? "standrd" : value)),
    "--content",
    content,
  ]);
  assert.match(wrongKind.stderr, "'standrd' is not a kind of inspection under ILACS 2023. Did you mean 'standard'?");
  const unknown = runTool("new", [...newInspection, "--colour", "red", "--content", content]);
  assert.is(unknown.status, 2);
  const foreign = runTool("new", [
    "event",
    "--organisation",
    "oxfordshire",
    "--title",
    "x",
    "--date",
    "2020",
    "--kind",
    "standard",
    "--content",
    content,
  ]);
  assert.is(foreign.status, 2);
  assert.match(foreign.stderr, "A new event does not take --kind.");
  const noFolder = runTool("new", [
    "organisation",
    "--name",
    "X",
    "--kind",
    "Y",
    "--content",
    join(folder, "no-such-folder"),
  ]);
  assert.is(noFolder.status, 2);
  assert.match(noFolder.stderr, "There is no content folder");
  assert.not.ok(existsSync(join(folder, "no-such-folder")));
  assert.not.ok(existsSync(join(content, "inspections/oxfordshire/2025-standard.md")));
  assert.not.ok(existsSync(join(content, "events/oxfordshire/2020-x.md")));
});

scaffold(
  "offers no inspectorate or framework for a kind of organisation it does not inspect, and says why",
  async () => {
    const hmicfrs = runTool("new", [...newInspection, "--inspectorate", "hmicfrs", "--content", content]);
    assert.is(hmicfrs.status, 2);
    assert.match(
      hmicfrs.stderr,
      "--inspectorate hmicfrs: Not offered for Oxfordshire County Council (kind 'Upper-tier local authority'): PEEL 2021 (HMICFRS) is used for 'Police force'. If the kind is wrong, correct 'kind' in organisations/oxfordshire.md",
    );
    const ilacs = runTool("new", [
      ...["--organisation", "wessex-police", "--start", "2024-02-12", "--end", "2024-02-23", "--kind", "standard"],
      ...["--framework", "ofsted-ilacs-2023", "--content", content],
    ]);
    assert.is(ilacs.status, 2);
    assert.match(ilacs.stderr, "ILACS 2023 (Ofsted) is used for 'Local authority', 'Upper-tier local authority'.");
    assert.match(ilacs.stderr, "In force on 2024-02-12 for kind 'Police force': 'hmicfrs-peel-2021'.");
    assert.equal(readdirSync(join(content, "inspections/wessex-police")).sort(), [
      "2019-peel-assessment.md",
      "2022-peel-inspection.md",
    ]);
    assert.equal(readdirSync(join(content, "inspections/oxfordshire")).length, 4, "nothing written for Oxfordshire");

    // A new council, never inspected: only Ofsted is offered, with no question, and the reason said.
    writeFileSync(
      join(content, "organisations/new-council.md"),
      "---\nname: New Council\nkind: Local authority\n---\n",
    );
    const said: string[] = [];
    const prompter: Prompter = {
      question: async (text) => {
        throw new Error(`Unexpected question: ${text}`);
      },
      say: (text) => said.push(text),
    };
    const options = {
      organisation: "new-council",
      start: "2019-05-13",
      end: "2019-05-24",
      kind: "standard",
      published: "2019-07-01",
    };
    const plan = await planInspection(new Answers(options, prompter), loadScaffoldContent(projectRoot, content));
    assert.is(plan.framework.id, "ofsted-ilacs-2018");
    assert.ok(
      said.includes(
        "Not offered for New Council (kind 'Local authority'): PEEL 2018/19 (HMICFRS) is used for 'Police force'.",
      ),
      said.join("\n"),
    );
    // A kind no framework in force is used for: refused, saying which kinds they are for.
    writeFileSync(
      join(content, "organisations/fire.md"),
      "---\nname: Fire Service\nkind: Fire and rescue service\n---\n",
    );
    const fire = runTool("new", [
      ...["--organisation", "fire", "--start", "2024-02-12", "--end", "2024-02-23", "--kind", "standard"],
      ...["--content", content],
    ]);
    assert.is(fire.status, 2);
    assert.match(
      fire.stderr,
      "No framework in force on 2024-02-12 is used for organisations of kind 'Fire and rescue service'.",
    );
    assert.match(fire.stderr, "ILACS 2023 (Ofsted) is used for 'Local authority', 'Upper-tier local authority'");
  },
);

scaffold("at a terminal it asks for what is missing, explains a wrong answer and asks again", async () => {
  const answers = ["Oxfordshire", "2025-06-02", "9", "1", "2025-06-01", "2025-06-13", ""];
  const said: string[] = [];
  const prompter: Prompter = {
    question: async (text) => {
      said.push(`? ${text}`);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`Unexpected question: ${text}`);
      return answer;
    },
    say: (text) => said.push(text),
  };
  const plan = await planInspection(new Answers({}, prompter), loadScaffoldContent(projectRoot, content));
  assert.equal(answers, []);
  assert.is(plan.organisation, "oxfordshire");
  assert.is(plan.framework.id, "ofsted-ilacs-2023");
  assert.is(plan.kind.id, "standard");
  assert.is(plan.end, "2025-06-13");
  assert.is(plan.published, undefined);
  // HMICFRS also had a framework in force, but not for a council: not offered, and said why.
  assert.ok(
    said.includes(
      "Not offered for Oxfordshire County Council (kind 'Upper-tier local authority'): PEEL 2021 (HMICFRS) is used for 'Police force'.",
    ),
    said.join("\n"),
  );
  assert.ok(
    said.includes(
      "'9' is not a kind of inspection under ILACS 2023. One of: 'standard', 'short', 'focused-visit', 'monitoring-visit'.",
    ),
    said.join("\n"),
  );
  assert.ok(said.includes("The visit's last day cannot be before 2025-06-02."), said.join("\n"));
});

scaffold("event dates: every form the content format accepts, and a reversed range refused", () => {
  for (const written of ["2017-03-14", "2017-03", "2017", "2015-16", "2015/16"])
    assert.ok(eventDate(written).ok, written);
  const range = eventDate("2022-08..2024-02");
  assert.ok(range.ok && typeof range.value.written === "object");
  assert.equal(eventDate("2024-02..2022-08"), {
    ok: false,
    problem: "The range 2024-02..2022-08 ends before it starts.",
  });
  assert.not.ok(eventDate("last spring").ok);
});

scaffold.run();
