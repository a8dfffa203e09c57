/**
 * Which frameworks `npm run new` offers for an organisation: only those used for its kind
 * of organisation (a framework's `appliesTo`, src/model/framework-applies.ts), so HMICFRS
 * is not offered for a county council; and, for the ones it leaves out, why.
 */
import { frameworkAppliesTo } from "../../model/framework-applies.ts";
import type { Framework } from "../../model/types.ts";
import { listOf } from "../../content/suggest.ts";
import type { ScaffoldContent } from "./content.ts";

/** The organisation an inspection is of, as far as choosing its framework goes. */
export interface Inspected {
  id: string;
  name: string;
  kind: string;
}

export function inspectedOf(scaffold: ScaffoldContent, id: string): Inspected {
  const data = scaffold.content.organisations.find((entry) => entry.id === id)!.data;
  return { id, name: data.name, kind: data.kind };
}

export const fitsOrganisation = (framework: Framework, organisation: Inspected): boolean =>
  frameworkAppliesTo(framework, organisation.kind);

/** Why `frameworks` (those not used for the organisation's kind) are not offered, as one sentence; "" when none is left out. */
export function whyNotOffered(frameworks: readonly Framework[], organisation: Inspected): string {
  const left = frameworks.filter((framework) => !fitsOrganisation(framework, organisation));
  if (left.length === 0) return "";
  const used = left.map(
    (framework) =>
      `${framework.shortName} (${framework.inspectorate.shortName}) is used for ${listOf(framework.appliesTo ?? [])}`,
  );
  return `Not offered for ${organisation.name} (kind '${organisation.kind}'): ${used.join("; ")}.`;
}

/** What to do when no framework in force is used for the organisation's kind. */
export function kindFix(organisation: Inspected): string {
  return `If the kind is wrong, correct 'kind' in organisations/${organisation.id}.md; if the framework is used for organisations of kind '${organisation.kind}', add the kind to its 'appliesTo' (docs/frameworks.md).`;
}
