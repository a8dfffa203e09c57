/**
 * Every page the site generates, each a function of the model, listed here once with its
 * address: an explainer and an embed page for every inspection, a page and a feed for every
 * organisation, the pages of the lists of inspections and of the directory, and the pages
 * of the whole site (site-wide-pages.ts: home, frameworks, grades, national pictures, open
 * data, search, 404, robots.txt, the site's feed). The build writes them one at a time
 * (src/eleventy/site-pages-plugin.ts), outside Eleventy's page handling, and makes the
 * sitemap from this list: Eleventy keeps an object for every page it renders until the
 * build ends, which at 40,000 inspections took more than 2 GB (docs/performance.md). Each
 * page's markup is from src/render; here they are only listed, with their addresses.
 */
import type { MarkdownIt } from "markdown-it";
import type { SiteModel } from "../model/build-model.ts";
import type { OrganisationDirectory } from "../model/directory.ts";
import { nationalPicture, type NationalPicture } from "../model/national.ts";
import type { OpenDataParts } from "../model/open-data-parts.ts";
import type { InspectionFilter } from "../model/listings.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import type { Inspection, Organisation } from "../model/types.ts";
import { directoryPage, directoryPages, groupPicturePage, organisationsIndexPage, whole } from "./directory.ts";
import { embedPage } from "./embed.ts";
import { atomFeed, feedEntries, feedUpdated, hasOrganisationFeeds } from "./feeds.ts";
import type { ListingPage } from "./listings.ts";
import { markdownFor } from "./markdown.ts";
import { pageShell } from "./page-shell.ts";
import { explainerPage, listingPage, organisationPage, type OrganisationLinks, type PageParts } from "./pages.ts";
import {
  frameworkPage,
  frameworksPage,
  gradesPage,
  homePage,
  nationalChangesPage,
  nationalDatePage,
  nationalPage,
  notFoundPage,
  openDataIndexPage,
  robotsTxt,
  searchPage,
  siteFeed,
} from "./site-wide-pages.ts";
import {
  embedUrl,
  feedUrl,
  frameworksUrl,
  frameworkUrl,
  gradesUrl,
  homeUrl,
  inspectionUrl,
  kindUrl,
  nationalChangesUrl,
  nationalDateUrl,
  nationalUrl,
  notFoundUrl,
  openDataUrl,
  robotsUrl,
  searchUrl,
  nationalKindUrl,
  nationalRegionUrl,
  organisationFeedUrl,
  organisationsUrl,
  organisationUrl,
  regionUrl,
} from "./urls.ts";

export interface SitePage {
  /** The root-relative address: a folder's ends in '/' (written as its index.html), a file's is the file. */
  url: string;
  /** Kept out of the sitemap (and, by its markup, out of search engines). */
  noindex: boolean;
  render(): string;
  /**
   * For a page that shows more than one organisation's (a list, a directory page, a
   * group's picture), what it shows, so that the preview writes it again only when an
   * edit changed it (src/eleventy/site-pages-plugin.ts): the organisations whose files it
   * shows, and `key`, everything else on it, as a string that differs whenever that does.
   * None for an organisation's own pages (its explainers, embed pages, page and feed),
   * which change with its files and with `everyOrganisationPage`. The build never asks.
   */
  shared?: { organisations: readonly Organisation[]; key: () => string };
  /**
   * A page of the whole site (the home page, the national pictures, the frameworks, the
   * site's feed...): few, and showing something of everything, so the preview makes each
   * again after every edit, and writes it when it is not what is on disk.
   */
  siteWide?: true;
}

type Ids = (list: readonly { id: string }[]) => string;

/**
 * A list's ids, one to a line, made once per list however many pages show it: a group of
 * 3,000 organisations is shown by 20 pages, and each page's key names the whole group.
 */
function idsOf(): Ids {
  const known = new WeakMap<object, string>();
  return (list) => {
    let text = known.get(list);
    if (text === undefined) known.set(list, (text = list.map((item) => item.id).join("\n")));
    return text;
  };
}

/** The groups of the directory, with how many each has: the browsing links on its pages. */
function directoryKey(directory: OrganisationDirectory): () => string {
  let key: string | undefined;
  return () =>
    (key ??= JSON.stringify(
      [directory.letters, directory.regions, directory.kinds].map((groups) =>
        groups.map((group) => [group.key, group.label, group.organisations.length]),
      ),
    ));
}

/**
 * What every organisation's own pages show beyond its own files: the addresses of the
 * kinds and regions (an organisation page links its own), and, for the feed of an
 * organisation not inspected yet, the date of the site's newest inspection.
 */
export function everyOrganisationPage(input: Pick<SitePagesInput, "directory" | "model">): string {
  const { directory, model } = input;
  const empty = model.organisations.some((organisation) => organisation.inspections.length === 0);
  return JSON.stringify([
    [directory.regions, directory.kinds].map((groups) => groups.map((group) => [group.key, group.label])),
    empty ? feedUpdated([], model.inspections).toISOString() : "",
  ]);
}

export interface SitePagesInput {
  model: SiteModel;
  settings: SiteSettings;
  inspectionFilters: readonly InspectionFilter[];
  listingPages: readonly ListingPage[];
  directory: OrganisationDirectory;
  /** The date the site's summaries are as at: the latest report. */
  asAt: string;
  /** The build draws share images: pages name them. */
  images: boolean;
  /** Whether an inspection has a share image, an embed page and downloads of its own (src/model/sharing.ts); left out, every one has. */
  shared?: (inspection: Inspection) => boolean;
  /** The national picture as at `asAt`, and as at each day site.yaml chooses. */
  national: NationalPicture;
  nationalPictures: readonly NationalPicture[];
  /** The parts of the open data, worked out when the open data page is made. */
  openDataParts: () => OpenDataParts;
}

function inspectionPages(inspection: Inspection, input: SitePagesInput, md: MarkdownIt): SitePage[] {
  const { settings: site, images } = input;
  const url = inspectionUrl(inspection);
  const shared = input.shared?.(inspection) ?? true;
  const explainer: SitePage = {
    url,
    noindex: false,
    render: () =>
      pageShell({
        site,
        url,
        inspection,
        images,
        ownShareImage: shared,
        ...explainerPage(inspection, md, { site, images, shared }),
      }),
  };
  if (!shared) return [explainer];
  return [explainer, { url: embedUrl(inspection), noindex: true, render: () => embedPage(inspection, site) }];
}

/** The pages of the organisation's kind and region. */
function groupLinks(organisation: Organisation, directory: OrganisationDirectory): OrganisationLinks {
  const kind = directory.kinds.find((group) => group.label === organisation.kind.trim());
  const region = directory.regions.find((group) => group.label === organisation.region?.trim());
  return { kind: kind && kindUrl(kind.key), region: region && regionUrl(region.key) };
}

function organisationPages(organisation: Organisation, input: SitePagesInput, md: MarkdownIt): SitePage[] {
  const { settings: site, images } = input;
  const url = organisationUrl(organisation);
  return [
    {
      url,
      noindex: false,
      render: () =>
        pageShell({
          site,
          url,
          organisation,
          images,
          ...organisationPage(organisation, md, input.asAt, groupLinks(organisation, input.directory)),
        }),
    },
    // Each organisation's feed, unless the site has its own feed alone (`feeds: site`).
    ...(hasOrganisationFeeds(site) ? [organisationFeed(organisation, input)] : []),
  ];
}

/** An organisation's Atom feed of its new inspections. */
function organisationFeed(organisation: Organisation, input: SitePagesInput): SitePage {
  const { settings: site, model } = input;
  const url = organisationUrl(organisation);
  return {
    url: organisationFeedUrl(organisation),
    noindex: true,
    render: () => {
      const entries = feedEntries(organisation.inspections);
      return atomFeed({
        site,
        title: `${organisation.name}: new inspections`,
        path: organisationFeedUrl(organisation),
        alternatePath: url,
        updated: feedUpdated(entries, model.inspections),
        entries,
      });
    },
  };
}

function listPages(input: SitePagesInput, ids: Ids): SitePage[] {
  const { settings: site, images, inspectionFilters } = input;
  // Every page of a list shows its years, with how many each has, and links to every filter.
  const filters = JSON.stringify(inspectionFilters.map((filter) => [filter.type, filter.key, filter.label]));
  const keys = new Map<ListingPage["list"], string>();
  const listKey = (list: ListingPage["list"]): string => {
    let key = keys.get(list);
    if (key === undefined)
      keys.set(list, (key = `${filters}\n${list.inspections.length}\n${JSON.stringify(list.years)}`));
    return key;
  };
  return input.listingPages.map((listing): SitePage => ({
    url: listing.url,
    noindex: false,
    render: () => pageShell({ site, url: listing.url, images, ...listingPage(listing, inspectionFilters) }),
    shared: {
      organisations: listing.items.map((inspection) => inspection.organisation),
      key: () =>
        `${listKey(listing.list)}\n${JSON.stringify([listing.title, listing.pageCount, listing.previousUrl, listing.nextUrl])}\n${ids(listing.items)}`,
    },
  }));
}

/** The A to Z, the pages of each letter, region and kind, and each region's and kind's picture. */
function browsePages(input: SitePagesInput, groups: () => string, ids: Ids): SitePage[] {
  const { settings: site, images, directory, model, asAt } = input;
  const shell = (url: string, parts: PageParts): string => pageShell({ site, url, images, ...parts });
  const picture = (organisations: readonly Organisation[]) =>
    nationalPicture(organisations, model.frameworks, model.crosswalks, asAt, site.national.countBy);
  return [
    {
      url: organisationsUrl(),
      noindex: false,
      render: () => shell(organisationsUrl(), organisationsIndexPage(directory, asAt)),
      shared: {
        organisations: whole(directory) ? directory.all : [],
        key: () =>
          `${JSON.stringify([asAt, directory.all.length])}\n${groups()}\n${whole(directory) ? ids(directory.all) : ""}`,
      },
    },
    ...directoryPages(directory).map((page) => ({
      url: page.url,
      noindex: false,
      render: () => shell(page.url, directoryPage(page, directory)),
      // A page shows its group's size, where each of its pages starts and ends, and the other groups.
      shared: {
        organisations: page.group.organisations,
        key: () =>
          `${JSON.stringify([page.pageNumber, page.pageCount])}\n${groups()}\n${ids(page.group.organisations)}`,
      },
    })),
    ...(["region", "kind"] as const).flatMap((type) =>
      (type === "region" ? directory.regions : directory.kinds).map((group) => {
        const url = type === "region" ? nationalRegionUrl(group.key) : nationalKindUrl(group.key);
        return {
          url,
          noindex: false,
          render: () => shell(url, groupPicturePage(type, group, picture(group.organisations))),
          shared: {
            organisations: group.organisations,
            key: () => `${JSON.stringify([asAt, group.label])}\n${groups()}\n${ids(group.organisations)}`,
          },
        };
      }),
    ),
  ];
}

/** The pages of the whole site: HTML pages in the page shell, robots.txt and the site's feed. */
function siteWidePages(input: SitePagesInput): SitePage[] {
  const { settings: site, images, model, national, nationalPictures } = input;
  // Search and the page for an unknown address are not content: out of the sitemap and the search index.
  const page = (url: string, parts: () => PageParts, noindex = false): SitePage => ({
    url,
    noindex,
    render: () => pageShell({ site, url, images, noindex, ...parts() }),
    siteWide: true,
  });
  const file = (url: string, render: () => string): SitePage => ({ url, noindex: true, render, siteWide: true });
  return [
    page(homeUrl(), () => homePage(model, site, national)),
    page(frameworksUrl(), () => frameworksPage(model)),
    ...model.frameworks.map((framework) => page(frameworkUrl(framework), () => frameworkPage(framework))),
    page(gradesUrl(), () => gradesPage(model)),
    page(nationalUrl(), () => nationalPage(nationalPictures, national)),
    ...nationalPictures.map((picture) =>
      page(nationalDateUrl(picture.asAt), () => nationalDatePage(nationalPictures, picture)),
    ),
    page(nationalChangesUrl(), () => nationalChangesPage(nationalPictures)),
    page(openDataUrl(), () => openDataIndexPage(model, site, nationalPictures, input.openDataParts)),
    page(searchUrl(), searchPage, true),
    page(notFoundUrl(), notFoundPage, true),
    file(robotsUrl(), () => robotsTxt(site)),
    file(feedUrl(), () => siteFeed(model, site)),
  ];
}

/**
 * Every page the site generates, in a fixed order: the one list the build writes, and the
 * sitemap is made from; with `only`, the organisations' own pages
 * of those organisations alone, and every shared page (what the preview may write after
 * an edit of their files).
 */
export function sitePages(input: SitePagesInput, only?: ReadonlySet<string>): SitePage[] {
  const md = markdownFor(input.settings);
  const groups = directoryKey(input.directory);
  const ids = idsOf();
  const mine = (organisation: Organisation) => !only || only.has(organisation.id);
  const inspections = only
    ? input.model.inspections.filter((inspection) => mine(inspection.organisation))
    : input.model.inspections;
  return [
    ...inspections.flatMap((inspection) => inspectionPages(inspection, input, md)),
    ...input.model.organisations.filter(mine).flatMap((organisation) => organisationPages(organisation, input, md)),
    ...listPages(input, ids),
    ...browsePages(input, groups, ids),
    ...siteWidePages(input),
  ];
}
