/**
 * `npm run new -- inspection`: a new inspection file with everything the editor told us
 * filled in, the framework in force on the first day of the visit chosen for them, and
 * every area of that framework listed with the grades it allows.
 *
 * What only the report can tell (the grades, the link, the summary) is left as a
 * placeholder that `npm run check` refuses: `TODO` is a placeholder wherever it is written
 * (src/content/placeholders.ts), and `""` is neither a web address nor a summary. A
 * scaffold cannot be published by accident. Only the inspectorates and frameworks used for
 * the organisation's kind are offered (fits.ts).
 */
import { frameworksInForce, inForceOn } from "../../model/in-force.ts";
import { plural } from "../../model/labels.ts";
import { kindJudges } from "../../model/outcomes.ts";
import type { Framework, InspectionKind } from "../../model/types.ts";
import { didYouMean, listOf } from "../../content/suggest.ts";
import { accept, refuse, UsageError, type Answers } from "./answers.ts";
import { inForceText, type ScaffoldContent } from "./content.ts";
import { fitsOrganisation, inspectedOf, kindFix, whyNotOffered, type Inspected } from "./fits.ts";
import { day, dayOnOrAfter, fileName, oneLine, oneOf, organisation } from "./parse.ts";
import { inspectionFileName } from "../../content/file-names.ts";

export interface InspectionPlan {
  organisation: string;
  framework: Framework;
  kind: InspectionKind;
  start: string;
  end: string;
  published?: string;
  /** Without .md; the file goes in inspections/<organisation>/. */
  fileName: string;
}

/** The placeholder for a grade: not an id on any scale, so the check names the allowed ones. */
export const GRADE_PLACEHOLDER = "TODO";

/** `--inspectorate`, refused when none of its frameworks in force on `start` is used for the organisation's kind. */
function givenInspectorate(answers: Answers, scaffold: ScaffoldContent, organisation: Inspected, start: string) {
  const ids = [...scaffold.inspectorates.keys()];
  const known = oneOf(ids, "an inspectorate in inspectorates/");
  return answers.get({
    option: "inspectorate",
    question: "Which inspectorate?",
    what: "the inspectorate's id",
    parse: (text) => {
      const theirs = frameworksInForce(frameworksOf(scaffold, text), start);
      if (
        !known(text).ok ||
        theirs.length === 0 ||
        theirs.some((framework) => fitsOrganisation(framework, organisation))
      )
        return known(text);
      return refuse(`${whyNotOffered(theirs, organisation)} ${kindFix(organisation)}`);
    },
  });
}

async function chooseInspectorate(
  answers: Answers,
  scaffold: ScaffoldContent,
  organisation: Inspected,
  start: string,
): Promise<string> {
  const inspectorate = (id: string) => scaffold.inspectorates.get(id)!;
  if (answers.given("inspectorate")) return givenInspectorate(answers, scaffold, organisation, start);
  const inForce = frameworksInForce(scaffold.frameworks.values(), start);
  const candidates = [
    ...new Set(
      inForce
        .filter((framework) => fitsOrganisation(framework, organisation))
        .map((framework) => framework.inspectorate.id),
    ),
  ];
  // The inspectorates left out altogether, and why: those kept offer only their fitting frameworks.
  const why = whyNotOffered(
    inForce.filter((framework) => !candidates.includes(framework.inspectorate.id)),
    organisation,
  );
  if (candidates.length === 0) {
    const all = [...scaffold.frameworks.values()].map((framework) => `${framework.id} (${inForceText(framework)})`);
    if (inForce.length > 0)
      throw new UsageError(
        `No framework in force on ${start} is used for organisations of kind '${organisation.kind}'. ${why} ${kindFix(organisation)}`,
      );
    throw new UsageError(
      `No framework was in force on ${start}${all.length ? `; the frameworks are ${all.join(", ")}` : ""}. Check the date, or add the framework first (docs/frameworks.md).`,
    );
  }
  if (why) answers.say(why);
  if (candidates.length === 1) return candidates[0]!;
  // An organisation is usually inspected by the same inspectorate as before.
  const frameworkIds = scaffold.content.inspections
    .filter((entry) => entry.data.organisation === organisation.id)
    .map((entry) => entry.data.framework);
  const before = candidates.filter((id) =>
    frameworkIds.some((frameworkId) => scaffold.frameworks.get(frameworkId)?.inspectorate.id === id),
  );
  if (before.length === 1) {
    answers.say(
      `Inspectorate: ${inspectorate(before[0]!).shortName}, which inspected ${organisation.id} before (--inspectorate chooses another).`,
    );
    return before[0]!;
  }
  return answers.get({
    option: "inspectorate",
    question: "Which inspectorate?",
    what: `the inspectorate's id; more than one had a framework in force on ${start}`,
    parse: oneOf(candidates, `an inspectorate with a framework in force on ${start}`),
    choices: candidates.map((id) => ({ id, label: inspectorate(id).shortName })),
  });
}

/** The frameworks of one inspectorate, or of any. */
function frameworksOf(scaffold: ScaffoldContent, inspectorate: string | undefined): Framework[] {
  return [...scaffold.frameworks.values()].filter(
    (framework) => inspectorate === undefined || framework.inspectorate.id === inspectorate,
  );
}

/** Why `--framework` cannot be used on `start` for the organisation; undefined when it can. */
function frameworkRefusal(
  scaffold: ScaffoldContent,
  framework: Framework,
  organisation: Inspected,
  start: string,
): string | undefined {
  const sameInspectorate = frameworksOf(scaffold, framework.inspectorate.id);
  if (!inForceOn(framework, start)) {
    const instead = frameworksInForce(sameInspectorate, start).map((other) => other.id);
    return `${framework.shortName} was in force ${inForceText(framework)}, not on ${start}.${instead.length ? ` On ${start}: ${listOf(instead)}.` : ""}`;
  }
  if (fitsOrganisation(framework, organisation)) return undefined;
  const instead = frameworksInForce(scaffold.frameworks.values(), start).filter((other) =>
    fitsOrganisation(other, organisation),
  );
  const named = instead.length
    ? ` In force on ${start} for kind '${organisation.kind}': ${listOf(instead.map((other) => other.id))}.`
    : "";
  return `${whyNotOffered([framework], organisation)}${named} ${kindFix(organisation)}`;
}

async function chooseFramework(
  answers: Answers,
  scaffold: ScaffoldContent,
  inspectorateId: string | undefined,
  organisation: Inspected,
  start: string,
): Promise<Framework> {
  if (answers.given("framework")) {
    const id = await answers.get({
      option: "framework",
      question: "Which framework?",
      what: "the framework's id",
      parse: (text) => {
        const framework = scaffold.frameworks.get(text);
        if (!framework)
          return refuse(`There is no framework '${text}'.${didYouMean(text, [...scaffold.frameworks.keys()])}`);
        const refusal = frameworkRefusal(scaffold, framework, organisation, start);
        return refusal === undefined ? accept(text) : refuse(refusal);
      },
    });
    return scaffold.frameworks.get(id)!;
  }
  const inForce = frameworksInForce(frameworksOf(scaffold, inspectorateId), start).filter((framework) =>
    fitsOrganisation(framework, organisation),
  );
  if (inForce.length === 1) return inForce[0]!;
  if (inForce.length === 0) {
    const theirs = frameworksOf(scaffold, inspectorateId);
    throw new UsageError(
      `No framework of ${inspectorateId} was in force on ${start}${theirs.length ? `; its frameworks are ${theirs.map((framework) => `${framework.id} (${inForceText(framework)})`).join(", ")}` : ""}. Check the date, or add the framework first (docs/frameworks.md).`,
    );
  }
  const id = await answers.get({
    option: "framework",
    question: `More than one framework was in force on ${start}. Which one?`,
    what: `the framework's id; more than one was in force on ${start}`,
    parse: oneOf(
      inForce.map((framework) => framework.id),
      `a framework in force on ${start}`,
    ),
    choices: inForce.map((framework) => ({ id: framework.id, label: framework.shortName })),
  });
  return scaffold.frameworks.get(id)!;
}

export async function planInspection(answers: Answers, scaffold: ScaffoldContent): Promise<InspectionPlan> {
  const organisationId = await answers.get({
    option: "organisation",
    question: "Which organisation was inspected? (its file name, or its name)",
    what: "the organisation's file name in organisations/, without .md",
    parse: organisation(scaffold.content),
  });
  const start = await answers.get({
    option: "start",
    question: "First day of the visit (YYYY-MM-DD)?",
    what: "the first day of the visit, YYYY-MM-DD",
    parse: day,
  });
  const inspected = inspectedOf(scaffold, organisationId);
  const inspectorateId = answers.given("framework")
    ? undefined
    : await chooseInspectorate(answers, scaffold, inspected, start);
  const framework = await chooseFramework(answers, scaffold, inspectorateId, inspected, start);
  if (inspectorateId && framework.inspectorate.id !== inspectorateId) {
    throw new UsageError(
      `--framework ${framework.id} is a framework of ${framework.inspectorate.id}, not of ${inspectorateId}.`,
    );
  }
  answers.say(`Framework: ${framework.shortName} (${framework.id}), in force ${inForceText(framework)}.`);
  const kindId = await answers.get({
    option: "kind",
    question: "What kind of inspection?",
    what: `the kind of inspection under ${framework.shortName}`,
    parse: oneOf(
      framework.kinds.map((kind) => kind.id),
      `a kind of inspection under ${framework.shortName}`,
    ),
    choices: framework.kinds.map((kind) => ({
      id: kind.id,
      label: `${kind.label}${kind.graded ? "" : ", not graded"}`,
    })),
  });
  const kind = framework.kinds.find((candidate) => candidate.id === kindId)!;
  const end = await answers.get({
    option: "end",
    question: "Last day of the visit (YYYY-MM-DD)?",
    what: "the last day of the visit, YYYY-MM-DD",
    parse: dayOnOrAfter(start, "The visit's last day"),
  });
  const published = await answers.optional({
    option: "published",
    question: "When was the report published (YYYY-MM-DD; leave empty if not yet)?",
    what: "the day the report was published, YYYY-MM-DD",
    parse: dayOnOrAfter(end, "The report"),
  });
  const name = answers.given("file")
    ? await answers.get({ option: "file", question: "File name?", what: "the file name, without .md", parse: fileName })
    : inspectionFileName(start, kind.id);
  const plan: InspectionPlan = { organisation: organisationId, framework, kind, start, end, fileName: name };
  if (published) plan.published = published;
  return plan;
}

/** Where the new file goes, relative to the content folder. */
export const inspectionPath = (plan: InspectionPlan): string => `inspections/${plan.organisation}/${plan.fileName}.md`;

function areaNote(framework: Framework, areaId: string): string {
  const area = framework.areas.find((candidate) => candidate.id === areaId)!;
  const notes = [oneLine(area.label)];
  if (area.overall) notes.push("the headline judgement");
  if (area.parent) notes.push(`part of ${area.parent}`);
  if (area.separate) notes.push("shown apart, never compared");
  return notes.join("; ");
}

/** The judgements of a graded inspection: every area the kind judges, each a placeholder, under the scale's grades. */
function judgementLines(framework: Framework, kind: InspectionKind): string[] {
  const scale = framework.scale;
  return [
    `# Each area's grade, as the report gives it. The ${oneLine(scale.name)}, best first:`,
    `#   ${scale.grades.map((grade) => grade.id).join(", ")}`,
    ...(scale.states.length
      ? [`# Outcomes that are not grades: ${scale.states.map((state) => state.id).join(", ")}`]
      : []),
    "# 'unknown' for a grade the report gives that you do not have yet; 'not-judged' for an area",
    "# this inspection did not judge (its earlier rating still stands).",
    ...(kind.judges === "some"
      ? [`# A ${oneLine(kind.label.toLowerCase())} judges only some areas: delete the ones it did not look at.`]
      : []),
    "judgements:",
    ...framework.areas
      .filter((area) => kindJudges(kind, area.id) !== "no")
      .map((area) => `  ${area.id}: ${GRADE_PLACEHOLDER} # ${areaNote(framework, area.id)}`),
  ];
}

export function inspectionText(plan: InspectionPlan): string {
  const { framework, kind } = plan;
  const lines = [
    "---",
    `organisation: ${plan.organisation}`,
    `# ${oneLine(framework.shortName)} (${oneLine(framework.inspectorate.shortName)}), in force ${inForceText(framework)}: the framework in force on the first day of the visit.`,
    `framework: ${framework.id}`,
    `# ${oneLine(kind.label)}${kind.graded ? "" : ", which is not graded"}. Kinds under ${oneLine(framework.shortName)}: ${framework.kinds.map((other) => other.id).join(", ")}.`,
    `kind: ${kind.id}`,
    "visit:",
    `  start: ${plan.start}`,
    `  end: ${plan.end}`,
  ];
  if (plan.published) lines.push(`published: ${plan.published}`);
  else if (kind.graded) lines.push("# The day the report was published, YYYY-MM-DD.", 'published: ""');
  else lines.push("# The day the letter was published, if it was: YYYY-MM-DD.", "# published: ");
  if (kind.graded)
    lines.push("# The link to the report on the inspectorate's website: the evidence for every grade.", 'report: ""');
  else lines.push("# The link to the letter on the inspectorate's website, if it was published.", "# report: https://");
  lines.push(
    "# The lead inspector, as the report names them (optional).",
    "# leadInspector: ",
    "# One or two plain sentences a reader can take away: what was judged and what changed.",
    'summary: ""',
  );
  if (kind.graded) lines.push(...judgementLines(framework, kind));
  lines.push(
    "# What the report says must improve, in plain words, one '- ' line each (optional):",
    "# improvements:",
    "#   - ",
    "# Passages quoted exactly, each with who said it (optional):",
    "# quotes:",
    "#   - text: ",
    "#     by: ",
    "#     role: ",
    "#     source:",
    "#       name: ",
    "#       url: https://",
    "# Below the closing line: the explainer, in your own words (docs/content-format.md, 'Writing a good explainer').",
    "---",
    "",
  );
  return lines.join("\n");
}

/** What the editor must still fill in, in the order it appears in the file. */
export function inspectionPlaceholders(plan: InspectionPlan): string[] {
  if (!plan.kind.graded) return ["summary"];
  const areas = plan.framework.areas.filter((area) => kindJudges(plan.kind, area.id) !== "no").length;
  return [
    ...(plan.published ? [] : ["published"]),
    "report",
    "summary",
    `judgements: a grade for each of the ${plural(areas, "area")} ('unknown' for one you do not have yet, 'not-judged' for one not judged)`,
  ];
}
