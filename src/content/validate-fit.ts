/**
 * An inspection that fits its inspectorate: a framework used for its organisation's kind
 * (an Ofsted ILACS inspection of a police force is refused), and a report link on https
 * where the inspectorate publishes its reports there (every shipped one does). Each looks
 * only at the inspection, its framework and its organisation, so it runs over every
 * inspection on each check, with no memory (it costs a look-up or two each).
 */
import { frameworkAppliesTo, frameworksFor } from "../model/framework-applies.ts";
import type { Framework } from "../model/types.ts";
import { visitPeriod } from "../model/dates.ts";
import type { ContentSet, Entry } from "./content-set.ts";
import type { SalvagedContent } from "./load.ts";
import { nameKey } from "./near-duplicates.ts";
import type { ContentProblem } from "./problems.ts";
import type { InspectionData, OrganisationData } from "./schema.ts";
import { listOf } from "./suggest.ts";
import { problemIn } from "./validate-frameworks.ts";

type InspectionEntry = Omit<Entry<unknown>, "data"> & { data: Partial<InspectionData> };

/** `http://...` as the same address on https; undefined for a link that is not http. */
function onHttps(link: string): string | undefined {
  return /^http:\/\//i.test(link) ? `https://${link.slice("http://".length)}` : undefined;
}

function reportLinkProblem(entry: InspectionEntry, framework: Framework): ContentProblem | undefined {
  const link = entry.data.report;
  const secure = link === undefined ? undefined : onHttps(link);
  if (secure === undefined || framework.inspectorate.reportsOnHttps === false) return undefined;
  const who = framework.inspectorate.shortName;
  return problemIn(
    entry,
    ["report"],
    `${who} publishes its reports on https, and this link starts http://: readers' browsers may refuse it or warn.`,
    `Write ${secure} (check it opens the report). If ${who}'s reports really are not on https, set 'reportsOnHttps: false' in its file in inspectorates/.`,
    link,
  );
}

/** The day the inspection is placed on, as far as its fields say. */
function dayOf(data: Partial<InspectionData>): string | undefined {
  const period = data.visit === undefined ? null : visitPeriod(data.visit);
  return period?.start ?? data.published;
}

function kindProblem(entry: InspectionEntry, framework: Framework, organisation: Entry<OrganisationData>, all: Map<string, Framework>): ContentProblem | undefined {
  const kind = organisation.data.kind;
  const listed = framework.appliesTo;
  // A kind written like one listed but for case or punctuation is told on the organisation (near-duplicates.ts).
  if (listed === undefined || frameworkAppliesTo(framework, kind) || listed.some((other) => nameKey(other) === nameKey(kind))) return undefined;
  const day = dayOf(entry.data);
  const instead = day === undefined ? [] : frameworksFor(all.values(), day, kind).filter((other) => other !== framework);
  const named = instead.map((other) => `${other.shortName} ('${other.id}', ${other.inspectorate.shortName})`);
  const fix = named.length
    ? `On ${day} ${named.join(" or ")} was in force for organisations of kind '${kind}': name it, or correct 'organisation'.`
    : `No framework in force${day ? ` on ${day}` : ""} is used for organisations of kind '${kind}': correct 'organisation', or the organisation's 'kind' if it is wrong.`;
  return problemIn(
    entry,
    ["framework"],
    `${framework.shortName} (${framework.inspectorate.shortName}) is used for organisations of kind ${listOf(listed)}, and ${organisation.data.name} (${organisation.file.path}) is of kind '${kind}'.`,
    `${fix} If ${framework.inspectorate.shortName} does inspect them under it, add '${kind}' to 'appliesTo' in frameworks/${framework.id}.yaml.`,
    `'${entry.data.framework}'`,
  );
}

/** Every inspection (those with problems of their own too, as far as their right fields go) against its framework and organisation. */
export function fitProblems(content: ContentSet, frameworks: Map<string, Framework>, salvaged: SalvagedContent): ContentProblem[] {
  const organisations = new Map(content.organisations.map((entry) => [entry.id, entry]));
  const problems: ContentProblem[] = [];
  const check = (entry: InspectionEntry) => {
    const framework = entry.data.framework === undefined ? undefined : frameworks.get(entry.data.framework);
    if (!framework) return;
    const link = reportLinkProblem(entry, framework);
    if (link) problems.push(link);
    const organisation = entry.data.organisation === undefined ? undefined : organisations.get(entry.data.organisation);
    const kind = organisation && kindProblem(entry, framework, organisation, frameworks);
    if (kind) problems.push(kind);
  };
  for (const entry of content.inspections) check(entry);
  for (const entry of salvaged.inspections) check(entry);
  return problems;
}
