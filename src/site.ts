/**
 * The application: one way from the files on disk to everything the site is made of.
 * The settings are read once, the content checked, the model built, and what is derived
 * from it (the filtered lists, the national picture, the open data) worked out once; the
 * result is one `Site` value. `npm run build` makes it before Eleventy starts and hands it
 * to Eleventy's configuration (src/eleventy/current-site.ts), which hands it to each
 * plugin as an option; `npm start` makes one for each build, as content changes between
 * builds.
 *
 * src/content, src/model and src/render know nothing of each other's callers; this is
 * the one module that puts them together.
 */
import { resolve } from "node:path";
import { z } from "zod";
import { checkContent } from "./content/index.ts";
import { contentJsonSchemas } from "./content/json-schema.ts";
import { sortProblems, type ContentProblem } from "./content/problems.ts";
import { readSiteSettings } from "./content/site-settings.ts";
import { buildModel, type SiteModel } from "./model/build-model.ts";
import { inspectionFilters, type InspectionFilter } from "./model/listings.ts";
import { organisationDirectory, type OrganisationDirectory } from "./model/directory.ts";
import { nationalPicture, type NationalPicture } from "./model/national.ts";
import { nationalDates } from "./model/national-dates.ts";
import { inspectionRowSchema, judgementRowSchema, openData, openDataSchemas } from "./model/open-data.ts";
import { nationalCsvColumns, nationalCsvRows, nationalData, nationalDataSchema } from "./model/national-data.ts";
import { DEFAULT_NATIONAL_DATES } from "./model/national-dates.ts";
import type { SiteSettings } from "./model/site-settings.ts";
import { toCsv, type CsvValue } from "./render/csv.ts";
import { inspectionLists, listingPages, type ListingPage } from "./render/listings.ts";
import {
  dataSchemaUrl,
  nationalCsvUrl,
  nationalDataUrl,
  openDataCsvUrl,
  openDataJsonUrl,
  organisationDataUrl,
} from "./render/urls.ts";

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
 * Reads and checks everything under `root`. Problems in the content and in site.yaml are
 * returned, not thrown; an override in the environment that is not a right value throws.
 *
 * @param content The content folder, relative to `root` or absolute.
 */
export function readSite(root: string, content: string, environment: NodeJS.ProcessEnv = process.env): Site {
  const read = readSiteSettings(root, "site.yaml", environment);
  const settings = read.settings ?? SETTINGS_WHILE_BROKEN;
  const checked = checkContent(root, content);
  const problems = read.problems.length > 0 ? sortProblems([...read.problems, ...checked.problems]) : checked.problems;
  const model = (problems.length === 0 && checked.model) || buildModel(EMPTY_CONTENT);
  const filters = inspectionFilters(model);
  const { countBy } = settings.national;
  const picture = (day?: string) =>
    nationalPicture(model.organisations, model.frameworks, model.crosswalks, day, countBy);
  const latest = picture();
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
  };
}

/** The national pictures: one JSON file per date and `latest`, every date's counts as CSV, and their schema. */
function addNational(site: Site, about: Parameters<typeof nationalData>[1], add: (url: string, text: string) => void) {
  for (const picture of site.nationalPictures)
    add(nationalDataUrl(picture.asAt), compactJson(nationalData(picture, about)));
  if (site.national.asAt) add(nationalDataUrl("latest"), compactJson(nationalData(site.national, about)));
  add(nationalCsvUrl(), toCsv([...nationalCsvColumns], nationalCsvRows(site.nationalPictures)));
  add(dataSchemaUrl("national"), schemaJson(z.toJSONSchema(nationalDataSchema)));
}

/** Data files on one line: a third smaller than indented (measured in docs/publishing.md), and read by programs. */
const compactJson = (value: unknown): string => `${JSON.stringify(value)}\n`;
/** Schemas stay indented: they are small, and people read them. */
const schemaJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Every open data file, by its path in the output: inspections and judgements as CSV and
 * JSON, organisations as JSON (all, and one file each), the JSON Schemas that describe
 * them, and the JSON Schemas of the content format. Made when the files are written, after
 * the pages: they are large, and nothing else needs them.
 */
export function openDataFiles(site: Site): Map<string, string> {
  const { model, settings } = site;
  const about = {
    title: settings.title,
    licence: settings.licence,
    publisher: settings.publisher,
    as_at: site.national.asAt,
    data_notes: model.inspectorates.flatMap((inspectorate) => (inspectorate.dataNote ? [inspectorate.dataNote] : [])),
  };
  const data = openData(model, about);
  const json = compactJson;
  // Paths in the output are the files' addresses without the leading '/'.
  const files = new Map<string, string>();
  const add = (url: string, text: string) => files.set(url.slice(1), text);
  add(openDataJsonUrl("inspections"), json(data.inspections));
  add(openDataJsonUrl("judgements"), json(data.judgements));
  add(openDataJsonUrl("organisations"), json(data.organisations));
  const rows = (table: { shape: object }, list: unknown[]) =>
    toCsv(Object.keys(table.shape), list as Record<string, CsvValue>[]);
  add(openDataCsvUrl("inspections"), rows(inspectionRowSchema, data.inspections.inspections));
  add(openDataCsvUrl("judgements"), rows(judgementRowSchema, data.judgements.judgements));
  for (const organisation of data.byOrganisation)
    add(organisationDataUrl(organisation.organisation), json(organisation));
  for (const [name, schema] of Object.entries(openDataSchemas))
    add(dataSchemaUrl(name), schemaJson(z.toJSONSchema(schema)));
  addNational(site, about, add);
  // The content format itself, for anyone writing or checking content files elsewhere.
  for (const [kind, schema] of Object.entries(contentJsonSchemas()))
    add(dataSchemaUrl(kind, "content"), schemaJson(schema));
  return files;
}
