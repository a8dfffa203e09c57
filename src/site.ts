/**
 * The application: one way from the files on disk to everything the site is made of.
 * The settings are read once, the content checked, the model built, and what is derived
 * from it (the filtered lists, the national picture, the open data) worked out once; the
 * result is one `Site` value. `npm run build` makes it before Eleventy starts and hands it
 * to Eleventy's configuration (src/preview/current-site.ts), which hands it to each
 * plugin as an option; `npm start` makes one for each build, as content changes between
 * builds.
 *
 * src/content, src/model and src/render know nothing of each other's callers; this is
 * the one module that puts them together.
 */
import { resolve } from "node:path";
import { checkContent } from "./content/index.ts";
import { readCache, type ReadCache } from "./content/load.ts";
import { contentJsonSchemas } from "./content/json-schema.ts";
import { sortProblems, type ContentProblem } from "./content/problems.ts";
import { readSiteSettings } from "./content/site-settings.ts";
import { buildModel, type SiteModel } from "./model/build-model.ts";
import { filterMemo, inspectionFilters, type FilterMemo, type InspectionFilter } from "./model/listings.ts";
import { organisationDirectory, type OrganisationDirectory } from "./model/directory.ts";
import { nationalPicture, type NationalPicture } from "./model/national.ts";
import { nationalMemo, rememberedNationalPicture, type NationalMemo } from "./preview/national-memo.ts";
import { modelUpdater, type ModelUpdate } from "./preview/update-model.ts";
import { changesAll, joinChanges, type ModelSource, type SourceChange } from "./model/source.ts";
import { nationalDates } from "./model/national-dates.ts";
import {
  openDataOrder,
  PART_BYTES,
  planOpenDataParts,
  type OpenDataParts,
  type RowsSizeMemo,
} from "./model/open-data-parts.ts";
import { DEFAULT_NATIONAL_DATES } from "./model/national-dates.ts";
import type { SharingSetting, SiteSettings } from "./model/site-settings.ts";
import { sharedInspections, sharingSetting } from "./model/sharing.ts";
import type { Inspection } from "./model/types.ts";
import { inspectionLists, listingPages, type ListingPage } from "./render/listings.ts";
import { openDataFiles as openDataFilesOf } from "./render/open-data-files.ts";

export interface Site {
  /** The project folder, where site.yaml is; problems name files relative to it. */
  root: string;
  /** The content folder, absolute. */
  content: string;
  settings: SiteSettings;
  /**
   * Every problem in the content and in site.yaml, sorted by file. When there are any, the
   * model is empty: `npm run build` refuses to start, and `npm start` shows them instead of
   * the site.
   */
  problems: readonly ContentProblem[];
  model: SiteModel;
  /** The ways to narrow the list of all inspections, and their pages. */
  inspectionFilters: InspectionFilter[];
  listingPages: ListingPage[];
  /** The organisations A to Z, by region and by kind. */
  directory: OrganisationDirectory;
  /** The national picture as at the latest publication date in the content: what the site's pages are as at. */
  national: NationalPicture;
  /** The national picture as at each of the days site.yaml chooses, oldest first. */
  nationalPictures: NationalPicture[];
  /** The parts the large open data tables are written in, worked out when first asked for (the open data page, then the files). */
  openDataParts: () => OpenDataParts;
  /** Which inspections have a share image, an embed page and downloads of their own (src/model/sharing.ts). */
  sharing: { setting: SharingSetting; shared: (inspection: Inspection) => boolean };
  /** What changed since the Site before it (`SiteChange`): everything, unless `npm start` read it with memory. */
  change: SiteChange;
}

/**
 * What changed since the last Site with no problems read with the same memory (`npm start`),
 * for the steps after a build that write only what changed: the files read again and gone,
 * the organisations they belong to, a definition or site.yaml changed (src/content/load.ts),
 * and what the model had that it has not now (src/preview/update-model.ts). `everything` when
 * there is nothing to count from (the first read, `npm run build`), or what changed reaches
 * every page: a definition, site.yaml, the date the site is as at, which inspections are
 * shared. A Site with problems carries the change too, but nothing is written from it.
 */
export interface SiteChange extends SourceChange {
  everything: boolean;
  removed: ModelUpdate["removed"];
}

/** `make`'s value, made on the first call and kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const EMPTY_CONTENT = { inspectorates: [], scales: [], frameworks: [], organisations: [], inspections: [], events: [] };

/**
 * What a site whose site.yaml has problems is made with, so that the live preview can
 * still show those problems as a page (it shows nothing else until they are fixed).
 */
const SETTINGS_WHILE_BROKEN: SiteSettings = {
  title: "Inspection explainers",
  description: "site.yaml has problems.",
  url: "http://localhost",
  pathPrefix: "/",
  language: "en-GB",
  publisher: "",
  licence: "",
  allowHtmlInMarkdown: false,
  national: DEFAULT_NATIONAL_DATES,
};

/**
 * What `npm start` keeps from one read of the site to the next, so that after an edit
 * only what changed is read and worked out again: each file's reading (src/content/load.ts),
 * which says what changed since the last read (`SourceChange`), the model, of which only
 * the organisations it names are built again (src/preview/update-model.ts), the national
 * pictures, into which only those organisations are counted again
 * (src/preview/national-memo.ts), and each inspection's filters (src/model/listings.ts).
 * The result is the Site a full read would give, with its record of what changed
 * (`SiteChange`): the tests compare the two. `npm run build` never keeps anything: it
 * reads everything once.
 */
export interface SiteMemory {
  reads: ReadCache;
  model: (source: ModelSource, change: SourceChange) => ModelUpdate;
  national: NationalMemo;
  filters: FilterMemo;
  /** What each inspection adds to the open data's tables, for the parts (src/model/open-data-parts.ts). */
  dataSizes: RowsSizeMemo;
  /** What changed in the reads since the last Site with no problems, while there are problems. */
  pending?: SourceChange;
  /** The last Site with no problems: its read, its settings (with the environment's overrides), the date it was as at, and its sharing setting. */
  shown?: { at: number; settings: string; asAt: string; sharing: string };
}

export function siteMemory(): SiteMemory {
  return {
    reads: readCache(),
    model: modelUpdater(),
    national: nationalMemo(),
    filters: filterMemo(),
    dataSizes: new WeakMap(),
  };
}

/**
 * Reads and checks everything under `root`. Problems in the content and in site.yaml are
 * returned, not thrown; an override in the environment that is not a right value throws.
 *
 * @param content The content folder, relative to `root` or absolute.
 * @param memory What `npm start` kept from its last read (`siteMemory()`); never given by `npm run build`.
 */
export function readSite(
  root: string,
  content: string,
  environment: NodeJS.ProcessEnv = process.env,
  memory?: SiteMemory,
): Site {
  const read = readSiteSettings(root, "site.yaml", environment);
  const settings = read.settings ?? SETTINGS_WHILE_BROKEN;
  // What changed since the last Site with no problems: the reads since then, this one's last.
  const sinceShown = (change: SourceChange) => (memory?.pending ? joinChanges(memory.pending, change) : change);
  let update: ModelUpdate | undefined;
  const withMemory = memory && {
    reads: memory.reads,
    // While site.yaml has problems the model is not shown: the model kept stays the last one shown.
    model: (source: ModelSource, change: SourceChange) =>
      read.problems.length > 0 ? buildModel(EMPTY_CONTENT) : (update = memory.model(source, sinceShown(change))).model,
  };
  // The notices are for `npm run check`: no page shows them.
  const checked = checkContent(root, content, {
    notices: false,
    allowHtmlInMarkdown: settings.allowHtmlInMarkdown,
    ...withMemory,
  });
  const problems = read.problems.length > 0 ? sortProblems([...read.problems, ...checked.problems]) : checked.problems;
  const model = (problems.length === 0 && checked.model) || buildModel(EMPTY_CONTENT);
  const change = sinceShown(checked.change);
  if (memory) memory.pending = problems.length > 0 ? change : undefined;
  const filters = inspectionFilters(model, memory?.filters);
  const { countBy } = settings.national;
  const picture = (day?: string) =>
    memory && problems.length === 0
      ? rememberedNationalPicture(memory.national, model, change, day, countBy)
      : nationalPicture(model.organisations, model.frameworks, model.crosswalks, day, countBy);
  const latest = picture();
  const sharing = sharingOf(settings, model, latest.asAt);
  return {
    root,
    content: resolve(root, content),
    settings,
    problems,
    model,
    inspectionFilters: filters,
    listingPages: listingPages(inspectionLists(model.inspections, filters)),
    directory: organisationDirectory(model.organisations),
    national: latest,
    nationalPictures: nationalDates(settings.national, model.organisations).map((day) =>
      day === latest.asAt ? latest : picture(day),
    ),
    openDataParts: once(() => planOpenDataParts(openDataOrder(model.inspections), PART_BYTES, memory?.dataSizes)),
    sharing,
    change: siteChange(change, update, problems.length === 0 ? memory : undefined, {
      settings,
      asAt: latest.asAt,
      sharing,
    }),
  };
}

/**
 * The Site's change: the reads' change, what the model lost, and whether it reaches every
 * page. Notes a Site with no problems in `memory` as the last one shown.
 */
function siteChange(
  change: SourceChange,
  update: ModelUpdate | undefined,
  memory: SiteMemory | undefined,
  site: Pick<Site, "settings" | "sharing"> & { asAt: string },
): SiteChange {
  // site.yaml's stamp is in the reader's record; the environment's overrides are not, and are compared here.
  const now = {
    at: change.at,
    settings: JSON.stringify(site.settings),
    asAt: site.asAt,
    sharing: JSON.stringify(site.sharing.setting),
  };
  const shown = memory?.shown;
  const everything =
    changesAll(change) ||
    change.settings ||
    shown === undefined ||
    shown.at !== change.since ||
    shown.settings !== now.settings ||
    shown.asAt !== now.asAt ||
    shown.sharing !== now.sharing;
  if (memory) memory.shown = now;
  return { ...change, everything, removed: update?.removed ?? { organisations: [], inspections: [] } };
}

function sharingOf(settings: SiteSettings, model: SiteModel, asAt: string): Site["sharing"] {
  const setting = sharingSetting(settings.sharing, model.inspections.length);
  return { setting, shared: sharedInspections(setting, model.organisations, asAt) };
}

/**
 * Every open data file of the Site, by its path in the output, one at a time and each in
 * pieces (src/render/open-data-files.ts), with the content format's JSON Schemas.
 */
export function openDataFiles(site: Site): Generator<[path: string, pieces: Iterable<string>]> {
  return openDataFilesOf({ ...site, contentSchemas: contentJsonSchemas() });
}
