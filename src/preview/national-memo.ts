/**
 * The national pictures again after an edit (`npm start`: src/site.ts), without adding
 * them up again over every organisation: on the Care Inspectorate's 10,000 services the
 * 19 pictures took most of a second to count afresh after each edit.
 *
 * Each picture of the last read is kept with the organisations it counted. The reader
 * says which organisations have a file read again or gone since (`SourceChange`,
 * src/content/load.ts), and the model keeps every other organisation's object as it was,
 * in the same order by name (src/preview/update-model.ts). So the touched organisations'
 * objects in the last read's list are taken back out of each picture (their lines are kept
 * with them, by object) and their objects in this read's list counted in, each where the
 * model's order puts it: in the lists of organisations by grade, the counts, the regions'
 * rows and the movements. What comes out is the picture `nationalPicture` gives, to the
 * place of each organisation in every list (test/model/national-memo.test.ts compares the
 * two after random edits).
 *
 * A picture is counted afresh when there is nothing to start from: the first read, a date
 * not drawn last time, a change not counted from the last read or with a definition in
 * it, definitions that are not the last read's objects, or many organisations changed at
 * once (a checkout, say), where counting afresh is as quick.
 */
import type { SiteModel } from "../model/build-model.ts";
import { changesAll, type SourceChange } from "../model/source.ts";
import type { Crosswalks } from "../model/crosswalk.ts";
import type { CountBy } from "../model/national-dates.ts";
import {
  areaShare,
  countedOrganisations,
  goodOrBetterOf,
  headlineOf,
  inForceOf,
  latestPublication,
  lineageOrder,
  linePicture,
  linePictures,
  movementGroups,
  organisationLines,
  tallyMovement,
  type AreaDistribution,
  type AreaShare,
  type LineagePicture,
  type LineEntry,
  type LinesOf,
  type MovementGroup,
  type MovementTally,
  type NationalPicture,
  type NoGradeReason,
  type RegionRow,
} from "../model/national.ts";
import { copyRepeatTally, tallyRepeat, type RepeatTally } from "../model/repeat-inspections.ts";
import type { Framework, Inspection, Organisation } from "../model/types.ts";

/** Past this many organisations gone and added, a picture is counted afresh: as quick, and simpler. */
const MANY_CHANGED = 200;

interface KeptPicture {
  picture: NationalPicture;
  /** Each line's picture, by the line's key. */
  lines: Map<string, LineagePicture>;
}

/** One read's pictures, and what they were drawn from. */
interface Round {
  /** The read (SourceChange's `at`). */
  at: number;
  /** The model's organisations, as given. */
  given: readonly Organisation[];
  /** Those counted (no made-up examples), and the place of each. */
  organisations: readonly Organisation[];
  positions: Map<Organisation, number>;
  frameworks: readonly Framework[];
  crosswalks: Crosswalks;
  /** By date and counting rule. */
  pictures: Map<string, KeptPicture>;
  /** The organisations gone and added since the last read; null when pictures are counted afresh. */
  change: Change | null;
}

interface Change {
  gone: Organisation[];
  added: Organisation[];
}

/** Each organisation's place in the last read's list and in this one's. */
interface Order {
  before: ReadonlyMap<Organisation, number>;
  after: ReadonlyMap<Organisation, number>;
}

/**
 * What `npm start` keeps between reads (src/site.ts, SiteMemory): each organisation's
 * lines by date and rule, with their ratings in force (kept by the organisation object,
 * so they go with it), and the last read's pictures and this one's.
 */
export interface NationalMemo {
  lines: WeakMap<Organisation, Map<string, readonly [string, LineEntry][]>>;
  rounds: { last?: Round; current?: Round };
}

export function nationalMemo(): NationalMemo {
  return { lines: new WeakMap(), rounds: {} };
}

/** The round of pictures drawn from these organisations at the read `change.at`, begun at its first picture. */
function roundFor(
  memo: NationalMemo,
  model: Pick<SiteModel, "organisations" | "frameworks" | "crosswalks">,
  change: SourceChange,
): Round {
  const { organisations: given, frameworks, crosswalks } = model;
  const current = memo.rounds.current;
  if (current && current.at === change.at && current.given === given) return current;
  const organisations = countedOrganisations(given);
  const positions = new Map(organisations.map((organisation, index) => [organisation, index]));
  const round: Round = {
    at: change.at,
    given,
    organisations,
    positions,
    frameworks,
    crosswalks,
    pictures: new Map(),
    change: null,
  };
  if (current) round.change = changeFrom(current, round, change);
  memo.rounds.last = current;
  memo.rounds.current = round;
  return round;
}

/**
 * The organisations gone from the last round and added in this one: the touched
 * organisations' objects in each, when `change` counts from the last round's read with no
 * definition changed, and the definitions are the same objects; null otherwise.
 */
function changeFrom(last: Round, current: Round, change: SourceChange): Change | null {
  if (changesAll(change) || change.since !== last.at) return null;
  if (last.frameworks !== current.frameworks || last.crosswalks !== current.crosswalks) return null;
  const touched = (organisation: Organisation) => change.organisations.has(organisation.id);
  const gone = last.organisations.filter(touched);
  const added = current.organisations.filter(touched);
  return gone.length + added.length > MANY_CHANGED ? null : { gone, added };
}

/** Each organisation's lines as at `day` under `countBy`, worked out once per organisation object. */
function keptLines(memo: NationalMemo, key: string, day: string, countBy: CountBy): LinesOf {
  return (organisation) => {
    let kept = memo.lines.get(organisation);
    if (!kept) memo.lines.set(organisation, (kept = new Map()));
    let own = kept.get(key);
    if (!own) kept.set(key, (own = organisationLines(organisation, day, countBy)));
    return own;
  };
}

/**
 * The national picture `nationalPicture` gives for the model's organisations as at `asAt`
 * (the latest publication date when not given), counting by `countBy`: worked out from the
 * last read's picture of the same date and rule where there is one to start from.
 */
export function rememberedNationalPicture(
  memo: NationalMemo,
  model: Pick<SiteModel, "organisations" | "frameworks" | "crosswalks">,
  change: SourceChange,
  asAt: string | undefined,
  countBy: CountBy,
): NationalPicture {
  const { frameworks, crosswalks } = model;
  const round = roundFor(memo, model, change);
  const day = asAt ?? latestPublication(round.organisations);
  const key = `${day}\u0000${countBy}`;
  const linesOf = keptLines(memo, key, day, countBy);
  let kept = round.pictures.get(key);
  if (kept) return kept.picture;
  const last = memo.rounds.last;
  const before = last?.pictures.get(key);
  const order = { before: last?.positions ?? new Map(), after: round.positions };
  const context: Context = { day, countBy, frameworks, crosswalks, linesOf, order };
  kept =
    before && round.change ? pictureAfter(before, round.change, context) : pictureAfresh(round.organisations, context);
  round.pictures.set(key, kept);
  return kept.picture;
}

interface Context {
  day: string;
  countBy: CountBy;
  frameworks: readonly Framework[];
  crosswalks: Crosswalks;
  linesOf: LinesOf;
  order: Order;
}

function pictureAfresh(organisations: readonly Organisation[], context: Context): KeptPicture {
  const { day, countBy, frameworks, crosswalks, linesOf } = context;
  const lines = linePictures(organisations, frameworks, day, crosswalks, linesOf);
  return { picture: { asAt: day, countBy, lineages: [...lines.values()].sort(lineageOrder) }, lines };
}

/** A line's organisations gone and added, each list in its read's order. */
interface LineEdit {
  gone: LineEntry[];
  added: LineEntry[];
}

/** The last read's picture with the organisations gone taken out and those added counted in. */
function pictureAfter(before: KeptPicture, change: Change, context: Context): KeptPicture {
  const { day, countBy, frameworks, crosswalks, linesOf } = context;
  const edits = new Map<string, LineEdit>();
  const editOf = (key: string) => edits.get(key) ?? edits.set(key, { gone: [], added: [] }).get(key)!;
  for (const organisation of change.gone)
    for (const [key, entry] of linesOf(organisation)) editOf(key).gone.push(entry);
  for (const organisation of change.added)
    for (const [key, entry] of linesOf(organisation)) editOf(key).added.push(entry);
  const lines = new Map(before.lines);
  for (const [key, edit] of edits) {
    const line = before.lines.get(key);
    const after = line ? lineAfter(line, edit, context) : linePicture(edit.added, frameworks, day, crosswalks);
    if (after.latest.length > 0) lines.set(key, after);
    else lines.delete(key);
  }
  return { picture: { asAt: day, countBy, lineages: lineagesInOrder(lines, context) }, lines };
}

/**
 * The lineages in `nationalPicture`'s order: its sort is stable, so lines it ranks the
 * same stay in the order they first appear among the organisations, which is the place of
 * a line's first organisation, then the order of that organisation's own lines.
 */
function lineagesInOrder(lines: ReadonlyMap<string, LineagePicture>, context: Context): LineagePicture[] {
  const firstSeen = (key: string, line: LineagePicture) => {
    const organisation = line.latest[0]!.organisation;
    const within = context.linesOf(organisation).findIndex(([own]) => own === key);
    return { line, at: context.order.after.get(organisation)!, within };
  };
  return [...lines]
    .map(([key, line]) => firstSeen(key, line))
    .sort((a, b) => lineageOrder(a.line, b.line) || a.at - b.at || a.within - b.within)
    .map(({ line }) => line);
}

/** One line's picture with its edit: a new picture, sharing the lists the edit did not touch. */
function lineAfter(line: LineagePicture, edit: LineEdit, context: Context): LineagePicture {
  const share = (entry: LineEntry, area: AreaDistribution["area"]): AreaShare =>
    areaShare(
      area,
      inForceOf(entry, line.framework, context.crosswalks),
      entry.latest,
      line.framework,
      context.crosswalks,
    );
  const latest = edited(
    line.latest,
    edit.gone.map((entry) => entry.latest),
    edit.added.map((entry) => entry.latest),
    (inspection) => inspection.organisation,
    context.order,
  );
  const distributions = line.distributions.map((distribution) =>
    distributionAfter(distribution, edit, line.framework, context.order, share),
  );
  const headline = headlineOf(distributions);
  const rows = headline ? regionRowsAfter(line.byRegion?.rows ?? [], headline, edit, share) : [];
  return {
    inspectorate: line.inspectorate,
    framework: line.framework,
    latest,
    distributions,
    movements: movementsAfter(line.movements, edit, latest),
    byRegion: headline && rows.length > 0 ? { area: headline.area, rows } : null,
    repeatInspections: repeatAfter(line, edit, context),
  };
}

/** The repeat inspections with the edit: the organisations gone taken back, those added counted. */
function repeatAfter(line: LineagePicture, edit: LineEdit, context: Context): RepeatTally | null {
  if (!line.repeatInspections) return null;
  const tally = copyRepeatTally(line.repeatInspections);
  const { day, crosswalks } = context;
  for (const entry of edit.gone) tallyRepeat(tally, entry.organisation, line.framework, day, crosswalks, -1);
  for (const entry of edit.added) tallyRepeat(tally, entry.organisation, line.framework, day, crosswalks, 1);
  return tally;
}

type Share = (entry: LineEntry, area: AreaDistribution["area"]) => AreaShare;

/** One area's distribution with the edit: each list changed only where an organisation left or joined it. */
function distributionAfter(
  distribution: AreaDistribution,
  edit: LineEdit,
  framework: Framework,
  order: Order,
  share: Share,
): AreaDistribution {
  const changes = new Map<number | NoGradeReason, { remove: Organisation[]; add: Organisation[] }>();
  const changeOf = (slot: number | NoGradeReason) =>
    changes.get(slot) ?? changes.set(slot, { remove: [], add: [] }).get(slot)!;
  let { fromCombined, carried } = distribution;
  const count = (entry: LineEntry, sign: 1 | -1) => {
    const { counted, ...from } = share(entry, distribution.area);
    const change = changeOf(typeof counted === "string" ? counted : counted.rank);
    (sign > 0 ? change.add : change.remove).push(entry.organisation);
    fromCombined += from.fromCombined ? sign : 0;
    carried += from.carried ? sign : 0;
  };
  for (const entry of edit.gone) count(entry, -1);
  for (const entry of edit.added) count(entry, 1);
  const after = (list: Organisation[], slot: number | NoGradeReason) => {
    const change = changes.get(slot);
    return change ? edited(list, change.remove, change.add, (organisation) => organisation, order) : list;
  };
  const grades = distribution.grades.map(({ grade, organisations }) => ({
    grade,
    organisations: after(organisations, grade.rank),
  }));
  const noGrade = { ...distribution.noGrade };
  for (const reason of Object.keys(noGrade) as NoGradeReason[]) noGrade[reason] = after(noGrade[reason], reason);
  return {
    area: distribution.area,
    ...(distribution.noLongerJudgedIn ? { noLongerJudgedIn: distribution.noLongerJudgedIn } : {}),
    grades,
    noGrade,
    fromCombined,
    carried,
    goodOrBetter: goodOrBetterOf(framework, grades),
  };
}

/** The first place in `list` (sorted by `placeOf`) at or after `place`. */
function firstAtOrAfter<T>(list: readonly T[], place: number, placeOf: (item: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (placeOf(list[middle]!) < place) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `list`, in the last read's order of organisations, without `remove` and with `add`, each
 * put where this read's order puts its organisation (the others keep their order: the
 * model keeps it).
 */
function edited<T>(
  list: readonly T[],
  remove: readonly T[],
  add: readonly T[],
  organisationOf: (item: T) => Organisation,
  order: Order,
): T[] {
  const out = list.slice();
  const before = (item: T) => order.before.get(organisationOf(item))!;
  const after = (item: T) => order.after.get(organisationOf(item))!;
  for (const item of remove) {
    const at = firstAtOrAfter(out, before(item), before);
    if (out[at] !== item)
      throw new Error(`The kept national picture has no place for ${organisationOf(item).id}: a bug, not the content.`);
    out.splice(at, 1);
  }
  for (const item of add) out.splice(firstAtOrAfter(out, after(item), after), 0, item);
  return out;
}

/** The regions' rows of the headline area with the edit: rows that count nobody any more go, new regions come in order. */
function regionRowsAfter(
  rows: readonly RegionRow[],
  headline: AreaDistribution,
  edit: LineEdit,
  share: Share,
): RegionRow[] {
  const changed = new Map<string, RegionRow>();
  const count = (entry: LineEntry, sign: 1 | -1) => {
    const region = entry.organisation.region;
    if (!region) return;
    const was = rows.find((row) => row.region === region);
    const row = changed.get(region) ??
      (was && { ...was, counts: [...was.counts] }) ?? {
        region,
        counts: headline.grades.map(() => 0),
        noGrade: 0,
      };
    changed.set(region, row);
    const { counted } = share(entry, headline.area);
    if (counted === "does-not-apply") return;
    if (typeof counted === "string") row.noGrade += sign;
    else row.counts[counted.rank]! += sign;
  };
  for (const entry of edit.gone) count(entry, -1);
  for (const entry of edit.added) count(entry, 1);
  const counting = (row: RegionRow) => row.noGrade + row.counts.reduce((sum, count) => sum + count, 0) > 0;
  return [...rows.filter((row) => !changed.has(row.region)), ...[...changed.values()].filter(counting)].sort((a, b) =>
    a.region.localeCompare(b.region),
  );
}

/** A group as a tally to count on: a copy, so the last picture stays as it was. */
function tallyOf(group: MovementGroup): MovementTally {
  const areas = group.areas.map((movement) => ({
    ...movement,
    counts: { ...movement.counts },
    notCompared: { ...movement.notCompared },
  }));
  return {
    organisations: group.organisations,
    firstInspections: group.firstInspections,
    areas: new Map(areas.map((movement) => [movement.area, movement])),
  };
}

/**
 * The movement groups with the edit. Groups whose frameworks came into force on the same
 * day are in the order their frameworks first appear among the latest inspections, as
 * `nationalPicture` has them.
 */
function movementsAfter(
  groups: readonly MovementGroup[],
  edit: LineEdit,
  latest: readonly Inspection[],
): MovementGroup[] {
  const tallies = new Map(groups.map((group) => [group.framework, tallyOf(group)]));
  for (const entry of edit.gone) tallyMovement(tallies, entry.latest, -1);
  for (const entry of edit.added) tallyMovement(tallies, entry.latest, 1);
  const frameworks = [...tallies].filter(([, tally]) => tally.organisations > 0).map(([framework]) => framework);
  const tied = frameworks.some((framework, index) =>
    frameworks.some((other, at) => at > index && other.inForce.from === framework.inForce.from),
  );
  if (!tied) return movementGroups(tallies);
  const first = new Map<Framework, number>();
  for (const inspection of latest) {
    if (!first.has(inspection.framework)) first.set(inspection.framework, first.size);
    if (first.size === frameworks.length) break;
  }
  const ordered = [...frameworks].sort((a, b) => first.get(a)! - first.get(b)!);
  return movementGroups(new Map(ordered.map((framework) => [framework, tallies.get(framework)!])));
}
