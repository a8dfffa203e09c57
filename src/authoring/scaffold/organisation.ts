/**
 * `npm run new -- organisation`: a new organisation file. Only the name and the kind of
 * body are required; the optional fields are written as comments to show their form.
 */
import { Document } from "yaml";
import { slugify } from "../../content/ids.ts";
import type { Answers } from "./answers.ts";
import type { ScaffoldContent } from "./content.ts";
import { fileName, text } from "./parse.ts";

export interface OrganisationPlan {
  name: string;
  kind: string;
  region?: string;
  fileName: string;
}

/** One `key: value` line, quoted only where YAML needs it ("Bath & North East Somerset" does not). */
export function yamlLine(key: string, value: string): string {
  return new Document({ [key]: value }).toString({ lineWidth: 0 }).trimEnd();
}

/** The kind most organisations already have, as the suggestion. */
function commonKind(scaffold: ScaffoldContent): string | undefined {
  const counts = new Map<string, number>();
  for (const entry of scaffold.content.organisations)
    counts.set(entry.data.kind, (counts.get(entry.data.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

export async function planOrganisation(answers: Answers, scaffold: ScaffoldContent): Promise<OrganisationPlan> {
  const name = await answers.get({
    option: "name",
    question: "The organisation's name, as readers know it?",
    what: "the organisation's name, in quotes",
    parse: text("The name"),
  });
  const suggestion = commonKind(scaffold);
  const kind = await answers.get({
    option: "kind",
    question: "What sort of body is it (for example Upper-tier local authority, Police force)?",
    what: 'what sort of body it is, like "Upper-tier local authority"',
    parse: text("The kind of body"),
    ...(suggestion ? { suggestion } : {}),
  });
  const region = await answers.optional({
    option: "region",
    question: "Its region, used to group organisations (leave empty to skip)?",
    what: "its region",
    parse: text("The region"),
  });
  const id = answers.given("file")
    ? await answers.get({ option: "file", question: "File name?", what: "the file name, without .md", parse: fileName })
    : slugify(name);
  const plan: OrganisationPlan = { name, kind, fileName: id };
  if (region) plan.region = region;
  return plan;
}

export const organisationPath = (plan: OrganisationPlan): string => `organisations/${plan.fileName}.md`;

export function organisationText(plan: OrganisationPlan): string {
  return [
    "---",
    yamlLine("name", plan.name),
    yamlLine("kind", plan.kind),
    ...(plan.region
      ? [yamlLine("region", plan.region)]
      : ["# The region, used to group organisations in the national picture.", "# region: "]),
    "# Codes that identify it (optional): the ONS area code (like E10000025), and Ofsted's unique",
    "# reference number (digits only). A <...> left in is refused by npm run check.",
    "# codes:",
    "#   ons: <the ONS area code>",
    '#   ofstedUrn: "<Ofsted\'s reference number>"',
    "# website: https://",
    "# Below the closing line (optional): a sentence or two about the organisation, shown on its page.",
    "---",
    "",
  ].join("\n");
}
