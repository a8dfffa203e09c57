/**
 * The model again after an edit, building only the organisations the edit touched
 * (`npm start`: src/site.ts). Everything in the model but the definitions belongs to one
 * organisation (an inspection's previous inspection, its ratings, its comparison and the
 * timeline are all within its organisation), so an organisation whose files are all as
 * they were keeps its objects as they were, and the lists across organisations are put
 * together again in the order `buildModel` gives them (each is sorted by a total order,
 * or follows the order of the content).
 *
 * The reader says which organisations have a file read again or gone since the read the
 * last model was built from (`SourceChange`, src/content/load.ts); nothing is compared. A
 * change to any inspectorate, scale or framework, or a change not counted from that read,
 * builds the whole model again.
 */
import { buildModel, definitionsOf, type SiteModel } from "../model/build-model.ts";
import { chronological } from "../model/previous.ts";
import { changesAll, type ModelSource, type SourceChange } from "../model/source.ts";
import type { Inspection, Organisation } from "../model/types.ts";

/** A model, and what was in the last one and is not in it. */
export interface ModelUpdate {
  model: SiteModel;
  /** Organisations and inspections the last model had and this one has not (a file deleted, renamed or moved); none when built afresh. */
  removed: { organisations: Organisation[]; inspections: Inspection[] };
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

/** `previous` with the organisations in `touched` built again from `source`, and what it had that is gone. */
function rebuilt(previous: SiteModel, source: ModelSource, touched: ReadonlySet<string>): ModelUpdate {
  const part = buildModel(
    {
      ...source,
      organisations: source.organisations.filter((entry) => touched.has(entry.id)),
      inspections: source.inspections.filter((entry) => touched.has(entry.data.organisation)),
      events: source.events.filter((entry) => touched.has(entry.data.organisation)),
    },
    definitionsOf(previous),
  );
  const kept = (organisation: Organisation) => !touched.has(organisation.id);
  const organisations = merged(
    previous.organisations.filter(kept),
    part.organisations,
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const inspections = merged(
    previous.inspections.filter((inspection) => kept(inspection.organisation)),
    part.inspections,
    (a, b) => chronological(b, a),
  );
  // Events keep the content's order, as buildModel gives them.
  const eventsById = new Map(
    [...previous.events.filter((event) => kept(event.organisation)), ...part.events].map((event) => [
      `${event.organisation.id}\u0000${event.id}`,
      event,
    ]),
  );
  const events = source.events.map((entry) => eventsById.get(`${entry.data.organisation}\u0000${entry.id}`)!);
  return { model: { ...previous, organisations, inspections, events }, removed: removedFrom(previous, part, touched) };
}

/** The touched organisations and their inspections that `previous` had and `part` (them built again) has not. */
function removedFrom(previous: SiteModel, part: SiteModel, touched: ReadonlySet<string>): ModelUpdate["removed"] {
  const organisationsNow = new Set(part.organisations.map((organisation) => organisation.id));
  const inspectionsNow = new Set(part.inspections.map((inspection) => inspection.id));
  const was = previous.organisations.filter((organisation) => touched.has(organisation.id));
  return {
    organisations: was.filter((organisation) => !organisationsNow.has(organisation.id)),
    inspections: was.flatMap((organisation) =>
      organisation.inspections.filter((inspection) => !inspectionsNow.has(inspection.id)),
    ),
  };
}

/**
 * A function from checked content, and what changed since the last content it was given,
 * to its model: it remembers the last model it made, and builds again only the
 * organisations the change names (the whole model the first time, whenever a definition
 * changed, and whenever the change is not counted from the read the last model was made at).
 */
export function modelUpdater(): (source: ModelSource, change: SourceChange) => ModelUpdate {
  let last: { at: number; model: SiteModel } | undefined;
  return (source, change) => {
    const follows = last !== undefined && !changesAll(change) && change.since === last.at;
    const update = follows
      ? rebuilt(last!.model, source, change.organisations)
      : { model: buildModel(source), removed: { organisations: [], inspections: [] } };
    last = { at: change.at, model: update.model };
    return update;
  };
}
