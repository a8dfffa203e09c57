/**
 * The preview's national pictures (src/preview/national-memo.ts) take the organisations an
 * edit touched out of the last read's pictures and count their new objects in. Whatever
 * the edits, each picture must be the one `nationalPicture` counts afresh, to the place of
 * every organisation in every list: here after random edits of a synthetic corpus, of
 * every kind an editor makes, each checked by the real content checks first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus, prng } from "../../bench/corpus.ts";
import type { ContentSet, Entry } from "../../src/content/content-set.ts";
import { loadContent } from "../../src/content/load.ts";
import type { InspectionData, OrganisationData } from "../../src/content/schema.ts";
import { validateFrameworks } from "../../src/content/validate-frameworks.ts";
import { validateInspections } from "../../src/content/validate-inspections.ts";
import { buildFrameworkIndex, type SiteModel } from "../../src/model/build-model.ts";
import { nationalMemo, rememberedNationalPicture, type NationalMemo } from "../../src/preview/national-memo.ts";
import { DEFAULT_NATIONAL_DATES, nationalDates, type CountBy } from "../../src/model/national-dates.ts";
import { nationalPicture, type NationalPicture } from "../../src/model/national.ts";
import { changedEverything, type SourceChange } from "../../src/model/source.ts";
import { modelUpdater } from "../../src/preview/update-model.ts";
import { fakeFile, projectRoot } from "../fixtures/content.ts";

type Random = () => number;
type Edit = (content: ContentSet, random: Random) => ContentSet | null;

const memo = suite("national pictures kept between reads");
let work = "";
let start: ContentSet;

memo.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-national-memo-"));
  generateCorpus(join(work, "content"), 240, { projectRoot, seed: 5 });
  const loaded = loadContent(work);
  assert.equal(loaded.problems, []);
  start = loaded.content;
});
memo.after(() => rmSync(work, { recursive: true, force: true }));

/**
 * A picture by ids, to compare: every organisation and inspection in it must also be the
 * model's own object, not a stale one with the same id.
 */
function described(picture: NationalPicture, model: SiteModel) {
  const organisations = new Set(model.organisations);
  const inspections = new Set(model.inspections);
  const organisation = (item: { id: string }) => {
    if (!organisations.has(item as never)) assert.unreachable(`${item.id} is not the model's organisation`);
    return item.id;
  };
  const inspection = (item: { id: string }) => {
    if (!inspections.has(item as never)) assert.unreachable(`${item.id} is not the model's inspection`);
    return item.id;
  };
  return {
    ...picture,
    lineages: picture.lineages.map((line) => ({
      inspectorate: line.inspectorate.id,
      framework: line.framework.id,
      latest: line.latest.map(inspection),
      distributions: line.distributions.map((distribution) => ({
        ...distribution,
        area: distribution.area.id,
        noLongerJudgedIn: distribution.noLongerJudgedIn?.id,
        grades: distribution.grades.map(({ grade, organisations }) => [grade.id, organisations.map(organisation)]),
        noGrade: Object.entries(distribution.noGrade).map(([reason, list]) => [reason, list.map(organisation)]),
      })),
      movements: line.movements.map((group) => ({
        ...group,
        framework: group.framework.id,
        areas: group.areas.map((movement) => ({ ...movement, area: movement.area.id })),
      })),
      byRegion: line.byRegion && { ...line.byRegion, area: line.byRegion.area.id },
      repeatInspections: line.repeatInspections && {
        series: line.repeatInspections.series,
        counts: [...line.repeatInspections.counts.values()].map((count) => ({ ...count, area: count.area.id })),
      },
    })),
  };
}

const FOLDERS = ["inspectorates", "scales", "frameworks", "organisations", "inspections", "events"] as const;

/**
 * What the reader (src/content/load.ts) would say changed from `before` to `after`, the read
 * numbered `at`: each file (by path) whose data is another object, or that is in one and not
 * the other, with its organisation before and after. The tests' own account, from the two
 * content sets these edits make in memory.
 */
function changeBetween(before: ContentSet | undefined, after: ContentSet, at: number): SourceChange {
  if (!before) return changedEverything(at);
  const change = { ...changedEverything(at), since: at - 1 } as SourceChange & {
    reread: Set<string>;
    gone: Set<string>;
    organisations: Set<string>;
  };
  for (const folder of FOLDERS) {
    const owner = (entry: Entry<unknown>) =>
      folder === "organisations" ? entry.id : (entry.data as { organisation?: string }).organisation;
    const was = new Map<string, Entry<unknown>>(before[folder].map((entry) => [entry.file.path, entry]));
    const is = new Map<string, Entry<unknown>>(after[folder].map((entry) => [entry.file.path, entry]));
    for (const path of new Set([...was.keys(), ...is.keys()])) {
      const [a, b] = [was.get(path), is.get(path)];
      if (a?.data === b?.data) continue;
      (b ? change.reread : change.gone).add(path);
      if (folder === "inspectorates" || folder === "scales" || folder === "frameworks") change.definitions = true;
      for (const entry of [a, b]) if (entry && owner(entry)) change.organisations.add(owner(entry)!);
    }
  }
  return change;
}

/** The model updater as src/site.ts calls it, each content set numbered as the next read, with what changed since the last. */
function updaterOfReads(): (content: ContentSet) => { model: SiteModel; change: SourceChange } {
  const update = modelUpdater();
  let last: ContentSet | undefined;
  let reads = 0;
  return (content) => {
    const change = changeBetween(last, content, ++reads);
    last = content;
    return { model: update(content, change).model, change };
  };
}

/** Every picture the site draws, and one more day, under both rules: kept and afresh, the same. */
function samePictures(
  what: string,
  read: { model: SiteModel; change: SourceChange },
  kept: NationalMemo,
  extraDay: string,
): void {
  const { model, change } = read;
  for (const countBy of ["publication", "visit-end"] as CountBy[]) {
    const days = [undefined, ...nationalDates(DEFAULT_NATIONAL_DATES, model.organisations), extraDay];
    for (const day of days) {
      const again = described(rememberedNationalPicture(kept, model, change, day, countBy), model);
      const full = described(
        nationalPicture(model.organisations, model.frameworks, model.crosswalks, day, countBy),
        model,
      );
      const where = `${what}: ${day ?? "latest"}, ${countBy}`;
      assert.equal(again, full, where);
      assert.is(JSON.stringify(again), JSON.stringify(full), `${where}: in the same order`);
    }
  }
}

function problemsIn(content: ContentSet): number {
  const problems = validateFrameworks(content);
  if (problems.length === 0) problems.push(...validateInspections(content, buildFrameworkIndex(content).frameworks));
  return problems.length;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** `list` with the entry at `index` replaced by one with `change` made to a copy of its data. */
function changed<T>(list: readonly Entry<T>[], index: number, change: (data: T) => T, path?: string): Entry<T>[] {
  const was = list[index]!;
  const data = change(structuredClone(was.data));
  const file = fakeFile(path ?? was.file.path, data, was.body);
  return list.map((item, at) => (at === index ? { ...was, data, file } : item));
}

const shifted = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const organisationOf = (inspection: InspectionData) => inspection.organisation;

/** A copy of an inspection entry for another organisation, under another file name. */
function copiedTo(entry: Entry<InspectionData>, organisation: string, id: string): Entry<InspectionData> {
  const data = { ...structuredClone(entry.data), organisation };
  return { ...entry, id, data, file: fakeFile(`inspections/${organisation}/${id}.md`, data, entry.body) };
}

/** The edits an editor makes that reach the pictures: grades, dates, files in and out, names, regions. */
const EDITS: Record<string, Edit> = {
  grade(content, random) {
    const index = Math.floor(random() * content.inspections.length);
    const { framework, judgements } = content.inspections[index]!.data;
    const areas = Object.keys(judgements);
    if (areas.length === 0) return null;
    const area = pick(random, areas);
    const seen = content.inspections.flatMap(({ data }) =>
      data.framework === framework && area in data.judgements ? [data.judgements[area]!] : [],
    );
    const value = pick(random, seen);
    return {
      ...content,
      inspections: changed(content.inspections, index, (data) => ({
        ...data,
        judgements: { ...data.judgements, [area]: value },
      })),
    };
  },
  published(content, random) {
    const index = Math.floor(random() * content.inspections.length);
    const { published } = content.inspections[index]!.data;
    if (!published) return null;
    const day = shifted(published, Math.floor(random() * 1200) - 600);
    return { ...content, inspections: changed(content.inspections, index, (data) => ({ ...data, published: day })) };
  },
  removeInspection(content, random) {
    const gone = pick(random, content.inspections);
    return { ...content, inspections: content.inspections.filter((entry) => entry !== gone) };
  },
  copyInspection(content, random) {
    const entry = pick(random, content.inspections);
    const to = pick(random, content.organisations).id;
    return {
      ...content,
      inspections: [...content.inspections, copiedTo(entry, to, `${entry.id}-copy${Math.floor(random() * 1e6)}`)],
    };
  },
  rename(content, random) {
    const index = Math.floor(random() * content.organisations.length);
    // Sometimes another organisation's very name: the two are then in order of id.
    const name = random() < 0.5 ? pick(random, content.organisations).data.name : `Aa ${Math.floor(random() * 1000)}`;
    return { ...content, organisations: changed(content.organisations, index, (data) => ({ ...data, name })) };
  },
  region(content, random) {
    const index = Math.floor(random() * content.organisations.length);
    const choice = random();
    const region =
      choice < 0.2
        ? undefined
        : choice < 0.4
          ? `Region ${Math.floor(random() * 5)}`
          : pick(random, content.organisations).data.region;
    return {
      ...content,
      organisations: changed(content.organisations, index, ({ region: _, ...data }): OrganisationData => ({
        ...data,
        ...(region ? { region } : {}),
      })),
    };
  },
  example(content, random) {
    const index = Math.floor(random() * content.organisations.length);
    return {
      ...content,
      organisations: changed(content.organisations, index, (data) => ({ ...data, example: !data.example })),
    };
  },
  addOrganisation(content, random) {
    const model = pick(random, content.organisations);
    const id = `added-${Math.floor(random() * 1e6)}`;
    const data = { ...structuredClone(model.data), name: `${model.data.name} Two` };
    const organisation = { ...model, id, data, file: fakeFile(`organisations/${id}.md`, data, model.body) };
    const inspections = content.inspections
      .filter((entry) => organisationOf(entry.data) === model.id)
      .map((entry) => copiedTo(entry, id, entry.id));
    return {
      ...content,
      organisations: [...content.organisations, organisation],
      inspections: [...content.inspections, ...inspections],
    };
  },
  removeOrganisation(content, random) {
    const { id } = pick(random, content.organisations);
    return {
      ...content,
      organisations: content.organisations.filter((entry) => entry.id !== id),
      inspections: content.inspections.filter((entry) => entry.data.organisation !== id),
      events: content.events.filter((entry) => entry.data.organisation !== id),
    };
  },
  nothing: (content) => content,
};

/** Definitions edited: the whole model built again, every picture counted afresh. */
const editFramework: Edit = (content, random) => {
  const index = Math.floor(random() * content.frameworks.length);
  return { ...content, frameworks: changed(content.frameworks, index, (data) => ({ ...data, name: `${data.name}.` })) };
};

/** `steps` reads, each after one to three random edits (definitions edited now and then), every picture compared. */
function editAtRandom(start: ContentSet, seed: number, steps: number, check: (model: SiteModel) => void = () => {}) {
  const random = prng(seed);
  const update = updaterOfReads();
  const kept = nationalMemo();
  let content = start;
  const made: string[] = [];
  samePictures("first read", update(content), kept, "2019-06-30");
  for (let step = 0; step < steps; step++) {
    const edits = step % 25 === 24 ? { editFramework } : EDITS;
    for (let tries = 0, done = 0; done < 1 + (step % 3) && tries < 20; tries++) {
      const name = pick(random, Object.keys(edits));
      const next = edits[name as keyof typeof edits]!(content, random);
      if (!next || problemsIn(next) > 0) continue;
      [content, done] = [next, done + 1];
      made.push(name);
    }
    const read = update(content);
    samePictures(`step ${step} (${made.slice(-3).join(", ")})`, read, kept, shifted("2019-06-30", step * 40));
    check(read.model);
  }
  return made;
}

memo("after random edits of every kind, each picture is the one counted afresh", () => {
  const made = editAtRandom(start, 15, 60);
  for (const name of [...Object.keys(EDITS), "editFramework"])
    assert.ok(made.includes(name), `the random edits include ${name}: ${[...new Set(made)].join(", ")}`);
});

/**
 * Where `nationalPicture`'s sorts rank two the same, the order they first appear in decides:
 * lineages of the same size and inspectorate name (here HMICFRS named Ofsted, as many police
 * forces as councils), and movement groups whose frameworks came into force the same day
 * (here ILACS 2023 dated back to 2018), and two lines whose first organisation is the same.
 */
memo("lineages and movement groups ranked the same stay in the order they first appear", () => {
  const police = start.organisations.filter((entry) => entry.id.endsWith("-police")).map((entry) => entry.id);
  const councils = start.organisations.filter((entry) => !entry.id.endsWith("-police")).map((entry) => entry.id);
  const kept = new Set([...police, ...councils.slice(0, police.length)]);
  const [first] = start.organisations
    .filter((entry) => kept.has(entry.id) && !entry.id.endsWith("-police"))
    .sort((a, b) => a.data.name.localeCompare(b.data.name))
    .map((entry) => entry.id);
  const tied: ContentSet = {
    ...start,
    inspectorates: start.inspectorates.map((entry) =>
      entry.id === "hmicfrs" ? { ...entry, data: { ...entry.data, shortName: "Ofsted" } } : entry,
    ),
    frameworks: start.frameworks.map((entry) =>
      entry.id === "ofsted-ilacs-2023"
        ? { ...entry, data: { ...entry.data, inForce: { ...entry.data.inForce, from: "2018-01-01" } } }
        : entry,
    ),
    organisations: start.organisations.filter((entry) => kept.has(entry.id)),
    inspections: [
      ...start.inspections.filter((entry) => kept.has(entry.data.organisation)),
      // The first organisation in both lines at once: then its own lines' order decides.
      ...start.inspections
        .filter((entry) => entry.data.organisation === police[0])
        .map((entry) => copiedTo(entry, first, entry.id)),
    ],
    events: start.events.filter((entry) => kept.has(entry.data.organisation)),
  };
  assert.is(problemsIn(tied), 0);
  let lineagesTied = 0;
  let groupsTied = 0;
  editAtRandom(tied, 16, 50, (model) => {
    const { lineages } = nationalPicture(model.organisations, model.frameworks, model.crosswalks);
    if (lineages.length === 2 && lineages[0]!.latest.length === lineages[1]!.latest.length) lineagesTied++;
    const from = lineages.flatMap((line) => line.movements.map((group) => group.framework.inForce.from));
    if (new Set(from).size < from.length) groupsTied++;
  });
  assert.ok(lineagesTied > 0 && groupsTied > 0, `ties seen: ${lineagesTied} of lineages, ${groupsTied} of groups`);
});

/**
 * Areas that apply to some kinds of organisation only (`appliesTo`): an organisation of
 * another kind with no grade there is out of the area's base ("does-not-apply"), in the
 * kept pictures as in fresh ones, as kinds change and grades come and go. The headline
 * area of ILACS 2026 (impact of leaders: it has no overall) is one, so the regions' rows
 * leave them out too.
 */
memo("areas that apply to some kinds only: kept and afresh the same as kinds and grades change", () => {
  const UPPER = "Upper-tier local authority";
  const limited = new Set(["care-leavers", "children-in-care-and-care-leavers", "impact-of-leaders"]);
  const councils = start.organisations.filter((entry) => entry.data.kind === UPPER);
  const unitary = new Set(councils.filter((_, index) => index % 3 === 0).map((entry) => entry.id));
  const applied: ContentSet = {
    ...start,
    frameworks: start.frameworks.map((entry) =>
      entry.id.startsWith("ofsted-ilacs")
        ? {
            ...entry,
            data: {
              ...entry.data,
              areas: entry.data.areas.map((area) => (limited.has(area.id) ? { ...area, appliesTo: [UPPER] } : area)),
            },
          }
        : entry,
    ),
    organisations: start.organisations.map((entry) =>
      unitary.has(entry.id) ? { ...entry, data: { ...entry.data, kind: "Unitary authority" } } : entry,
    ),
  };
  assert.is(problemsIn(applied), 0);
  const kind: Edit = (content, random) => {
    const index = Math.floor(random() * content.organisations.length);
    if (content.organisations[index]!.data.kind === "Police force") return null;
    return {
      ...content,
      organisations: changed(content.organisations, index, (data) => ({
        ...data,
        kind: data.kind === UPPER ? "Unitary authority" : UPPER,
      })),
    };
  };
  const ungrade: Edit = (content, random) => {
    const index = Math.floor(random() * content.inspections.length);
    const areas = Object.keys(content.inspections[index]!.data.judgements).filter((area) => limited.has(area));
    if (areas.length === 0) return null;
    const gone = pick(random, areas);
    return {
      ...content,
      inspections: changed(content.inspections, index, (data) => ({
        ...data,
        judgements: Object.fromEntries(Object.entries(data.judgements).filter(([area]) => area !== gone)),
      })),
    };
  };
  Object.assign(EDITS, { kind, ungrade, kind2: kind, ungrade2: ungrade });
  let apart = 0;
  let withRegions = 0;
  try {
    editAtRandom(applied, 18, 40, (model) => {
      for (const line of nationalPicture(model.organisations, model.frameworks, model.crosswalks).lineages) {
        const counted = line.distributions.reduce((sum, item) => sum + item.noGrade["does-not-apply"].length, 0);
        apart += counted;
        if (counted > 0 && line.byRegion) withRegions++;
      }
    });
  } finally {
    for (const name of ["kind", "ungrade", "kind2", "ungrade2"]) delete EDITS[name];
  }
  assert.ok(
    apart > 0 && withRegions > 0,
    `organisations out of an area's base seen: ${apart}, in ${withRegions} pictures with regions`,
  );
});

memo("a change not counted from the last read, or with new definitions, is counted afresh", () => {
  const kept = nationalMemo();
  const update = modelUpdater();
  const first = update(start, changedEverything(1)).model;
  const afresh = (model: SiteModel) =>
    nationalPicture(model.organisations, model.frameworks, model.crosswalks, undefined, "publication");
  rememberedNationalPicture(kept, first, changedEverything(1), undefined, "publication");
  // A list in another order, with a change that does not follow read 1: nothing is kept.
  const reversed = { ...first, organisations: [...first.organisations].reverse() };
  assert.equal(
    described(
      rememberedNationalPicture(kept, reversed, { ...changedEverything(3), since: 2 }, undefined, "publication"),
      first,
    ),
    described(afresh(reversed), first),
  );
  // A model built afresh (new framework objects), with a change that follows and names no organisation.
  const other = modelUpdater()(start, changedEverything(4)).model;
  assert.equal(
    described(
      rememberedNationalPicture(kept, other, { ...changedEverything(4), since: 3 }, undefined, "publication"),
      other,
    ),
    described(afresh(other), other),
  );
});

memo.run();
