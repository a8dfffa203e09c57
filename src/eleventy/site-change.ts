/**
 * What an edit changed, for the steps after a build of the preview (`npm start`) that
 * write only what changed: the model's pages (site-pages-plugin.ts), the share files
 * (sharing-plugin.ts) and the open data (open-data-plugin.ts).
 *
 * The preview's Site keeps the objects of every organisation whose files did not change
 * (src/model/update-model.ts), so an organisation whose object is not the one it was is
 * one the edit touched. Anything that reaches every page (site.yaml, a definition, the
 * date the site is as at) changes everything. `npm run build` never asks: it writes all.
 */
import type { Inspection, Organisation } from "../model/types.ts";
import type { Site } from "../site.ts";

export interface SiteChange {
  /** Everything may have changed: write it all. */
  all: boolean;
  /** The ids of the organisations whose files changed, added or removed ones included. */
  organisations: ReadonlySet<string>;
  /** Inspections that were in the model before and are not now (a file deleted, renamed or moved). */
  removed: Inspection[];
  /** Organisations that were in the model before and are not now. */
  removedOrganisations: Organisation[];
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** Whether something that reaches every page changed between the two Sites. */
function reachesEverything(before: Site, after: Site): boolean {
  return (
    JSON.stringify(before.settings) !== JSON.stringify(after.settings) ||
    before.national.asAt !== after.national.asAt ||
    !sameList(before.model.frameworks, after.model.frameworks) ||
    !sameList(before.model.scales, after.model.scales) ||
    !sameList(before.model.inspectorates, after.model.inspectorates)
  );
}

/** What changed from `before` (the Site last written; none at the first build) to `after`. */
export function siteChange(before: Site | undefined, after: Site): SiteChange {
  if (!before || reachesEverything(before, after))
    return { all: true, organisations: new Set(), removed: [], removedOrganisations: [] };
  const was = new Map<string, Organisation>(
    before.model.organisations.map((organisation) => [organisation.id, organisation]),
  );
  const touched = new Set<string>();
  for (const organisation of after.model.organisations) {
    if (was.get(organisation.id) !== organisation) touched.add(organisation.id);
    was.delete(organisation.id);
  }
  for (const id of was.keys()) touched.add(id);
  const removedOrganisations = [...was.values()];
  const now = new Set(after.model.inspections.map((inspection) => inspection.id));
  const removed = before.model.organisations
    .filter((organisation) => touched.has(organisation.id))
    .flatMap((organisation) => organisation.inspections.filter((inspection) => !now.has(inspection.id)));
  return { all: false, organisations: touched, removed, removedOrganisations };
}
