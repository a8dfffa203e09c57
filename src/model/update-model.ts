/**
 * The model again after an edit, building only the organisations the edit touched
 * (`npm start`: src/site.ts). Everything in the model but the definitions belongs to one
 * organisation (an inspection's previous inspection, its ratings, its comparison and the
 * timeline are all within its organisation), so an organisation whose files are all as
 * they were keeps its objects as they were, and the lists across organisations are put
 * together again in the order `buildModel` gives them (each is sorted by a total order,
 * or follows the order of the content).
 *
 * A file is as it was when its entry's data is the same object as last time: the preview
 * reads an unchanged file once and hands back the same data (src/content/load.ts), and
 * anything read afresh is a new object. A change to any inspectorate, scale or framework
 * builds the whole model again.
 */
import { buildModel, definitionsOf, type SiteModel } from "./build-model.ts";
import { chronological } from "./previous.ts";
import { sameEntries, type ModelSource, type SourceEntry } from "./source.ts";
import type { Organisation } from "./types.ts";

type Built = { source: ModelSource; model: SiteModel };

const DEFINITIONS = ["inspectorates", "scales", "frameworks"] as const;
const OWNED = ["organisations", "inspections", "events"] as const;

/** The organisation an entry belongs to: its own id for an organisation file, its `organisation` field otherwise. */
function ownerOf(folder: (typeof OWNED)[number], entry: SourceEntry<unknown>): string {
  return folder === "organisations" ? entry.id : (entry.data as { organisation: string }).organisation;
}

/** The organisations with a file added, removed or changed between `before` and `after`. */
export function touchedOrganisations(before: ModelSource, after: ModelSource): Set<string> {
  const touched = new Set<string>();
  for (const folder of OWNED) {
    const [was, is] = [before[folder], after[folder]];
    // Usually the same files in the same order: only the entries whose data is another object differ.
    if (was.length === is.length && is.every((entry, index) => entry.file.path === was[index]!.file.path)) {
      is.forEach((entry, index) => {
        if (entry.data === was[index]!.data) return;
        touched.add(ownerOf(folder, entry));
        touched.add(ownerOf(folder, was[index]!));
      });
      continue;
    }
    for (const owner of changedOwners(folder, was, is)) touched.add(owner);
  }
  return touched;
}

/** The owners of the entries of one folder added, removed or changed, matched by path. */
function changedOwners(
  folder: (typeof OWNED)[number],
  before: readonly SourceEntry<unknown>[],
  after: readonly SourceEntry<unknown>[],
): Set<string> {
  const touched = new Set<string>();
  // A file is known by its path: the same path with another organisation is another data object.
  const key = (entry: SourceEntry<unknown>) => entry.file.path;
  const was = new Map(before.map((entry) => [key(entry), entry.data]));
  const is = new Map(after.map((entry) => [key(entry), entry.data]));
  for (const entry of after) if (was.get(key(entry)) !== entry.data) touched.add(ownerOf(folder, entry));
  for (const entry of before) if (is.get(key(entry)) !== entry.data) touched.add(ownerOf(folder, entry));
  return touched;
}

/** Two lists sorted by `order` as one, in one pass. */
export function merged<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(order(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** `previous`'s model with the organisations in `touched` built again from `source`. */
function rebuilt(previous: Built, source: ModelSource, touched: ReadonlySet<string>): SiteModel {
  const part = buildModel(
    {
      ...source,
      organisations: source.organisations.filter((entry) => touched.has(entry.id)),
      inspections: source.inspections.filter((entry) => touched.has(entry.data.organisation)),
      events: source.events.filter((entry) => touched.has(entry.data.organisation)),
    },
    definitionsOf(previous.model),
  );
  const kept = (organisation: Organisation) => !touched.has(organisation.id);
  const organisations = merged(
    previous.model.organisations.filter(kept),
    part.organisations,
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const inspections = merged(
    previous.model.inspections.filter((inspection) => kept(inspection.organisation)),
    part.inspections,
    (a, b) => chronological(b, a),
  );
  // Events keep the content's order, as buildModel gives them.
  const eventsById = new Map(
    [...previous.model.events.filter((event) => kept(event.organisation)), ...part.events].map((event) => [
      `${event.organisation.id}\u0000${event.id}`,
      event,
    ]),
  );
  const events = source.events.map((entry) => eventsById.get(`${entry.data.organisation}\u0000${entry.id}`)!);
  return { ...previous.model, organisations, inspections, events };
}

/**
 * A function from checked content to its model that remembers the last content and
 * model it made, and builds again only what changed since (the whole model the first
 * time, and whenever a definition changed).
 */
export function modelUpdater(): (source: ModelSource) => SiteModel {
  let last: Built | undefined;
  return (source) => {
    const definitionsSame =
      last !== undefined && DEFINITIONS.every((folder) => sameEntries(last!.source[folder], source[folder]));
    const model = definitionsSame
      ? rebuilt(last!, source, touchedOrganisations(last!.source, source))
      : buildModel(source);
    last = { source, model };
    return model;
  };
}
