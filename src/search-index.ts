/**
 * The search index: Pagefind (the version pinned in package.json) reads the built HTML and
 * writes a static index to `pagefind/` beside it, which layouts/assets/search.js queries in
 * the browser. A step of its own after Eleventy, run on the staging folder so that a failed
 * index never reaches the published site.
 * https://pagefind.app/docs/node-api/
 *
 * What is indexed is marked in the pages: `data-pagefind-body` on <main> (src/render/page-shell.ts) and the
 * filters in <head> (src/render/search.ts). The selectors below take out what is in <main>
 * but repeats other pages, so that a search finds the page about a thing rather than every
 * list that names it: navigation, breadcrumbs, the lists of cards on the home page, the A to
 * Z and the lists of inspections, the excerpt of the organisation's timeline at the end of
 * every explainer (the organisation's own page indexes it in full), and the "Follow" link.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { embedRootUrl, organisationsUrl } from "./render/urls.ts";

const SEARCH_BUNDLE = "pagefind";

const EXCLUDE_SELECTORS = [
  "nav",
  ".breadcrumb",
  ".card-list",
  "[aria-labelledby='story-heading'] .timeline",
  ".follow",
];

export interface SearchIndex {
  pages: number;
  /** The size of everything Pagefind wrote, in bytes. */
  bytes: number;
  /** How many indexes the site's pages were split into (1 for most sites). */
  parts: number;
}

/**
 * Pages in one Pagefind index at most. Pagefind holds every page of an index in memory
 * until it writes it: over 4.5 GB, and rising when stopped, for the Care Inspectorate's
 * 51,000 indexed pages in one index; 2.3 GB at most in parts of 10,000 (docs/performance.md).
 * Past this many, the site is indexed in parts, each by a Pagefind process of its own, and
 * the search page merges them (Pagefind's documented way to search several indexes at
 * once, `mergeIndex`): https://pagefind.app/docs/multisite/
 */
export const PAGES_PER_INDEX = 6_000;

/**
 * Fragment files in one Pagefind index at most. Pagefind writes a fragment (a page's text
 * for its result) per page; past this many pages, it bundles them into this many shared
 * files (its `maxFragments`, from Pagefind 1.6), so a result loads its page's bundle, a few
 * pages' text, instead of a file of its own. A site of up to this many pages per index is
 * indexed as before. On the Care Inspectorate's corpus, about 50,000 fragment files become
 * 13,000 (docs/performance.md, "Fewer, smaller files").
 */
export const FRAGMENT_FILES = 1_000;

/** The file that lists the other parts' bundles, beside the first part's own files. */
export const SEARCH_PARTS_FILE = "parts.json";

/**
 * What the search page reads first (`pagefind/parts.json`): on a site in one index, `[]`;
 * on a large site, `names: true` (the first bundle is the index of organisations' names)
 * and the bundles of the text of every other page, merged only when a reader asks.
 */
export interface SearchPartsFile {
  names: boolean;
  parts: string[];
}

/** Indexes every page under `folder` into `folder/pagefind/` (and, on a large site, `folder/pagefind-2/`...); throws when Pagefind reports a problem. */
export async function indexForSearch(
  folder: string,
  limit = PAGES_PER_INDEX,
  fragments = FRAGMENT_FILES,
): Promise<SearchIndex> {
  const parts = searchParts(folder, limit);
  const names = parts.length > 1;
  let pages = 0;
  let bytes = 0;
  if (names) {
    pages += await indexNames(folder, join(folder, SEARCH_BUNDLE), fragments);
    bytes += folderSize(join(folder, SEARCH_BUNDLE));
  }
  const first = names ? 1 : 0;
  for (const [index, globs] of parts.entries()) {
    const bundle = join(folder, bundleName(index + first));
    pages += await indexPart(folder, names ? globs.map(withoutOrganisationPages) : globs, bundle, fragments);
    bytes += folderSize(bundle);
  }
  if (pages === 0) throw new SearchIndexError(["Pagefind found no pages to index"]);
  const listed: SearchPartsFile = {
    names,
    parts: parts.slice(names ? 0 : 1).map((_, index) => `${bundleName(index + 1)}/`),
  };
  writeFileSync(join(folder, SEARCH_BUNDLE, SEARCH_PARTS_FILE), `${JSON.stringify(listed)}\n`);
  return { pages, bytes, parts: parts.length + first };
}

/** The first bundle is `pagefind/`; the others are beside it, as `mergeIndex` needs a bundle outside the first's folder. */
const bundleName = (index: number): string => (index === 0 ? SEARCH_BUNDLE : `${SEARCH_BUNDLE}-${index + 1}`);

const ORGANISATIONS = organisationsUrl().slice(1, -1);

/**
 * A text part's glob without the organisations' own pages (`organisations/<id>/index.html`),
 * which the index of names holds: the pages under them (the explainers) stay.
 */
export function withoutOrganisationPages(glob: string): string {
  if (glob === `${ORGANISATIONS}/**/*.html`) return `${ORGANISATIONS}/*/*/**/*.html`;
  if (glob.startsWith(`${ORGANISATIONS}/`) && glob.endsWith("/**/*.html"))
    return `${glob.slice(0, -"/**/*.html".length)}/*/**/*.html`;
  return glob;
}

/**
 * The index of names, a large site's first: each organisation's page as its name (the
 * page's <h1>), its description and its filters, so that a search for a service by name
 * downloads a small index rather than the text of 50,000 pages (docs/publishing.md).
 */
export function nameRecord(page: string): string | null {
  const head = /<head>[\s\S]*?<\/head>/.exec(page)?.[0];
  const heading = /<h1[^>]*>[\s\S]*?<\/h1>/.exec(page)?.[0];
  const lang = /<html lang="([^"]*)"/.exec(page)?.[1] ?? "en";
  if (!head || !heading) return null;
  const description = /<meta name="description" content="([^"]*)">/.exec(head)?.[1] ?? "";
  return `<!doctype html><html lang="${lang}">${head}<body><main data-pagefind-body>${heading}<p>${description}</p></main></body></html>`;
}

async function indexNames(folder: string, bundle: string, fragments: number): Promise<number> {
  const root = join(folder, ORGANISATIONS);
  const ids = readdirSync(root).filter((id) => existsSync(join(root, id, "index.html")));
  return withIndex(async (index) => {
    let pages = 0;
    for (const id of ids) {
      const record = nameRecord(readFileSync(join(root, id, "index.html"), "utf8"));
      if (!record) continue;
      const added = await index.addHTMLFile({ sourcePath: `${ORGANISATIONS}/${id}/index.html`, content: record });
      if (added.errors.length) throw new SearchIndexError(added.errors);
      pages++;
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new SearchIndexError(written.errors);
    return pages;
  }, fragments);
}

/** One index, by a Pagefind process of its own, let go once written; at most `fragments` fragment files. */
async function withIndex(work: (index: pagefind.PagefindIndex) => Promise<number>, fragments: number): Promise<number> {
  try {
    const created = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS, maxFragments: fragments });
    if (!created.index) throw new SearchIndexError(created.errors);
    return await work(created.index);
  } catch (error) {
    // Pagefind's own failures (a missing or broken binary) arrive as plain errors.
    throw error instanceof SearchIndexError ? error : new SearchIndexError([(error as Error).message]);
  } finally {
    await pagefind.close();
  }
}

/** One part of the pages' text. */
function indexPart(folder: string, globs: readonly string[], bundle: string, fragments: number): Promise<number> {
  return withIndex(async (index) => {
    let pages = 0;
    for (const glob of globs) {
      const added = await index.addDirectory({ path: folder, glob });
      if (added.errors.length) throw new SearchIndexError(added.errors);
      pages += added.page_count;
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new SearchIndexError(written.errors);
    return pages;
  }, fragments);
}

interface Unit {
  /** A glob, relative to the site's folder. */
  glob: string;
  pages: number;
}

/** HTML files under a folder, or 1 for an HTML file. */
function htmlCount(path: string): number {
  if (!statSync(path).isDirectory()) return path.endsWith(".html") ? 1 : 0;
  return readdirSync(path, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html")).length;
}

/**
 * The units of a big folder: its entries taken together by the letters they start with
 * (`organisations/c*`), and a group over `limit` pages split by one more letter. Globs by
 * prefix keep each part's globs few. `counts`: the HTML pages under each entry.
 */
function unitsOf(base: string, counts: ReadonlyMap<string, number>, prefix: string, limit: number): Unit[] {
  // An HTML file is its own glob; a folder's glob takes every page under it.
  const globOf = (name: string) => (name.endsWith(".html") ? `${base}/${name}` : `${base}/${name}/**/*.html`);
  const byNext = new Map<string, string[]>();
  const units: Unit[] = [];
  for (const name of [...counts.keys()].sort()) {
    if (!name.startsWith(prefix)) continue;
    // A file, and a folder named as the prefix itself, are units of their own: a prefix's glob takes only folders.
    if (name === prefix || name.endsWith(".html")) {
      if (prefix === "" || name === prefix) units.push({ glob: globOf(name), pages: counts.get(name)! });
    } else
      byNext.set(name.slice(0, prefix.length + 1), [...(byNext.get(name.slice(0, prefix.length + 1)) ?? []), name]);
  }
  for (const [next, members] of byNext) {
    const pages = members.reduce((sum, name) => sum + counts.get(name)!, 0);
    if (pages === 0) continue;
    if (members.length === 1) units.push({ glob: globOf(members[0]!), pages });
    else if (pages <= limit) units.push({ glob: `${base}/${next}*/**/*.html`, pages });
    else units.push(...unitsOf(base, counts, next, limit));
  }
  return units;
}

/**
 * The globs of each index: the whole site in one while it has at most `limit` HTML pages;
 * otherwise its folders, the largest split by the names in them (organisations by the
 * letters their ids start with), packed in order into parts of at most `limit` pages. The
 * embed pages are never indexed (they ask not to be), and the bundles themselves are left out.
 */
export function searchParts(folder: string, limit = PAGES_PER_INDEX): string[][] {
  const skip = new Set([embedRootUrl().slice(1, -1)]);
  const top = readdirSync(folder).filter((name) => !skip.has(name) && !name.startsWith(SEARCH_BUNDLE));
  const units = top.flatMap((name) => {
    if (!statSync(join(folder, name)).isDirectory()) return name.endsWith(".html") ? [{ glob: name, pages: 1 }] : [];
    const counts = new Map(
      readdirSync(join(folder, name)).map((entry) => [entry, htmlCount(join(folder, name, entry))]),
    );
    const pages = [...counts.values()].reduce((sum, count) => sum + count, 0);
    if (pages <= limit) return pages ? [{ glob: `${name}/**/*.html`, pages }] : [];
    return unitsOf(name, counts, "", limit);
  });
  const total = units.reduce((sum, unit) => sum + unit.pages, 0);
  if (total <= limit) return [["**/*.html"]];
  const parts: Unit[][] = [[]];
  for (const unit of units) {
    const current = parts[parts.length - 1]!;
    const size = current.reduce((sum, { pages }) => sum + pages, 0);
    if (current.length > 0 && size + unit.pages > limit) parts.push([unit]);
    else current.push(unit);
  }
  return parts.map((part) => part.map((unit) => unit.glob));
}

export class SearchIndexError extends Error {
  constructor(reasons: readonly string[]) {
    super(
      `The search index could not be built: ${reasons.join("; ") || "Pagefind gave no reason"}.\n` +
        "Run `npm ci` to reinstall Pagefind, or build without search: `npm run build -- --no-search`.",
    );
    this.name = "SearchIndexError";
  }
}

function folderSize(folder: string): number {
  return readdirSync(folder).reduce((total, name) => {
    const path = join(folder, name);
    const stats = statSync(path);
    return total + (stats.isDirectory() ? folderSize(path) : stats.size);
  }, 0);
}
