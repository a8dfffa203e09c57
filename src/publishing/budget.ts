/**
 * What a built site costs a host: files, folders, entries (both together), bytes, the
 * largest file, the fullest folder, and the same by kind of output (pages, embeds,
 * images, search index, open data). Measured from the folder the build wrote, so it counts
 * exactly what would be uploaded; links are counted as entries and never followed.
 *
 * Besides the sum of the files' bytes, the size of the site as one tar archive
 * (`archiveBytes`): GitHub Pages deploys that archive (actions/upload-pages-artifact), and
 * an archive carries a 512-byte header for every file and folder and pads each file to
 * 512 bytes, which on a site of 100,000 entries is some 80 MB the files' bytes do not show.
 *
 * `overLimits` sets a budget beside a host's limits (src/publishing/hosts.ts): each figure
 * over, with what to change. docs/publishing.md.
 */
import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Host, HostLimits } from "./hosts.ts";

export const OUTPUT_KINDS = ["pages", "embeds", "images", "search", "open data", "other"] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export interface KindBudget {
  files: number;
  bytes: number;
}

/** Some of a site's files and folders, with their bytes and what they add to the site's archive. */
export interface Part {
  files: number;
  folders: number;
  bytes: number;
  /** Their tar headers and padded contents (`archiveEntryBytes`). */
  archive: number;
}

export interface Budget {
  files: number;
  folders: number;
  /** Files and folders together, links included (as GitLab counts). */
  entries: number;
  bytes: number;
  /**
   * The site as one tar archive, as GitHub's upload-pages-artifact makes it (GNU tar of the
   * folder, `./` and all): each entry's header, each file padded to 512 bytes, the two
   * closing blocks, rounded up to tar's 10,240-byte record (`archiveBytes`).
   */
  archiveBytes: number;
  largestFile: { path: string; bytes: number } | null;
  /** The folder with the most entries directly in it ('.' for the top). */
  fullestFolder: { path: string; entries: number };
  byKind: Record<OutputKind, KindBudget>;
  /**
   * Of all that, the inspections' own files for sharing (src/model/sharing.ts): embed pages
   * and their folders, share images, chart downloads. What fitting a host may leave out
   * (src/publishing/fit.ts).
   */
  sharing: Part;
  /** The same files by kind (embed pages are embeds; share images, chart PNGs and SVGs images; chart CSVs other). */
  sharingByKind: Record<OutputKind, KindBudget>;
  /**
   * Of the open data, what `openData: compact` leaves out (src/render/open-data-files.ts):
   * the tables' JSON parts and the file per organisation (and its folder). What fitting a
   * host with a size cap may leave out, every row staying in the CSV parts.
   */
  compactable: Part;
  /** And what `openData: bulk` leaves out besides: the tables' CSV parts and their folders (each table stays whole as `.csv.gz`). */
  csvParts: Part;
  /** Each organisation's own feed (`organisations/<id>/feed.xml`), which `feeds: site` leaves out (the site's feed stays). */
  organisationFeeds: Part;
}

/** Nothing: no file, no folder. */
export const NO_PART: Readonly<Part> = Object.freeze({ files: 0, folders: 0, bytes: 0, archive: 0 });

const BLOCK = 512;
/** GNU tar's default record: 20 blocks. An archive is a whole number of them. */
const ARCHIVE_RECORD = 20 * BLOCK;
/** The longest name a tar header holds itself; GNU tar writes a longer one as a header and blocks of its own before the entry. */
const TAR_NAME = 100;

const padded = (bytes: number): number => Math.ceil(bytes / BLOCK) * BLOCK;

/**
 * What one entry adds to a tar archive of the site, as GNU tar writes it (the default
 * format of `tar -cf` on the runners GitHub's upload-pages-artifact uses): a 512-byte
 * header; a name over 100 bytes (`./`, the path and, for a folder, a closing `/`) in a
 * header and blocks of its own (`././@LongLink`); a file's contents padded to 512 bytes.
 * `path` is the path below the site's folder ('/' separated).
 */
export function archiveEntryBytes(path: string, bytes: number, folder = false): number {
  const name = Buffer.byteLength(`./${path}${folder ? "/" : ""}`);
  const longName = name > TAR_NAME ? BLOCK + padded(name + 1) : 0;
  return BLOCK + longName + (folder ? 0 : padded(bytes));
}

/** `bytes` of archive rounded up to a whole record, as an archive is. */
export function wholeRecords(bytes: number): number {
  return Math.ceil(bytes / ARCHIVE_RECORD) * ARCHIVE_RECORD;
}

/** The size of an archive whose entries (the site's folder itself apart) add up to `entries` bytes: the folder's own header, two closing blocks, rounded up to a whole record. */
export function archiveSize(entries: number): number {
  return wholeRecords(entries + BLOCK + 2 * BLOCK);
}

/** A CSV part of a large table (src/model/open-data-parts.ts), which `openData: bulk` does not write. */
export function isCsvPart(path: string): boolean {
  return /^data\/(inspections|judgements)\/[^/]+\.csv$/.test(path);
}

/** An open data file that `openData: compact` does not write: a JSON part of a table, or an organisation's own file. */
export function isCompactableFile(path: string): boolean {
  return /^data\/(inspections|judgements)\/[^/]+\.json$/.test(path) || /^data\/organisations\/[^/]+\.json$/.test(path);
}

/**
 * An inspection's own file for sharing, by its path (src/render/urls.ts: `embedUrl`,
 * `shareImageUrl`, `comparisonFileUrl`); the site's own image, `assets/share.png`, is not.
 */
export function isSharingFile(path: string): boolean {
  return (
    path.startsWith("embed/") ||
    (path.endsWith("/share.png") && !path.startsWith("assets/")) ||
    /\/comparison\.(svg|png|csv)$/.test(path)
  );
}

const IMAGE = /\.(png|jpe?g|gif|webp|svg|ico|avif)$/i;

/** The kind of output a file is, from its path below the site's folder ('/' separated). */
export function kindOf(path: string): OutputKind {
  // A large site's search index comes in parts: pagefind/, pagefind-2/... (src/search-index.ts).
  if (/^pagefind(-\d+)?\//.test(path)) return "search";
  if (path.startsWith("data/")) return "open data";
  if (path.startsWith("embed/")) return "embeds";
  if (IMAGE.test(path)) return "images";
  if (path.endsWith(".html")) return "pages";
  return "other";
}

/** Every kind, at nothing. */
export function noKinds(): Record<OutputKind, KindBudget> {
  return Object.fromEntries(OUTPUT_KINDS.map((kind) => [kind, { files: 0, bytes: 0 }])) as Record<
    OutputKind,
    KindBudget
  >;
}

function emptyBudget(): Budget {
  const byKind = noKinds();
  return {
    files: 0,
    folders: 0,
    entries: 0,
    bytes: 0,
    largestFile: null,
    fullestFolder: { path: ".", entries: 0 },
    byKind,
    archiveBytes: 0,
    sharing: { ...NO_PART },
    sharingByKind: noKinds(),
    compactable: { ...NO_PART },
    csvParts: { ...NO_PART },
    organisationFeeds: { ...NO_PART },
  };
}

/** An organisation's own feed, which `feeds: site` does not write (src/render/site-pages.ts). */
export function isOrganisationFeed(path: string): boolean {
  return /^organisations\/[^/]+\/feed\.xml$/.test(path);
}

/** Adds a file (or, with `bytes` undefined, a folder) and what it adds to the archive to `part`. */
function addTo(part: Part, archive: number, bytes?: number): void {
  if (bytes === undefined) part.folders += 1;
  else {
    part.files += 1;
    part.bytes += bytes;
  }
  part.archive += archive;
}

/** The budget of the folder `root`, walked without following links (iteratively: no deep recursion). */
export function measureOutput(root: string): Budget {
  const budget = emptyBudget();
  let archive = 0;
  const folders: string[] = [""];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const names = readdirSync(join(root, folder));
    if (names.length > budget.fullestFolder.entries)
      budget.fullestFolder = { path: folder || ".", entries: names.length };
    for (const name of names) {
      const path = folder ? `${folder}/${name}` : name;
      const stat = lstatSync(join(root, path));
      budget.entries += 1;
      if (stat.isDirectory()) {
        const entry = archiveEntryBytes(path, 0, true);
        archive += entry;
        budget.folders += 1;
        if (path.startsWith("embed/")) addTo(budget.sharing, entry);
        if (path === "data/organisations") addTo(budget.compactable, entry);
        if (path === "data/inspections" || path === "data/judgements") addTo(budget.csvParts, entry);
        folders.push(path);
      } else if (stat.isFile()) archive += countFile(budget, path, stat.size);
      // A link is a header alone in the archive (upload-pages-artifact would follow it: a site has none).
      else archive += archiveEntryBytes(path, 0);
    }
  }
  budget.archiveBytes = archiveSize(archive);
  return budget;
}

/** Counts a file in `budget`; what it adds to the archive. */
function countFile(budget: Budget, path: string, bytes: number): number {
  const entry = archiveEntryBytes(path, bytes);
  budget.files += 1;
  budget.bytes += bytes;
  const kind = budget.byKind[kindOf(path)];
  kind.files += 1;
  kind.bytes += bytes;
  if (isSharingFile(path)) {
    addTo(budget.sharing, entry, bytes);
    budget.sharingByKind[kindOf(path)].files += 1;
    budget.sharingByKind[kindOf(path)].bytes += bytes;
  }
  if (isCompactableFile(path)) addTo(budget.compactable, entry, bytes);
  if (isCsvPart(path)) addTo(budget.csvParts, entry, bytes);
  if (isOrganisationFeed(path)) addTo(budget.organisationFeeds, entry, bytes);
  if (
    !budget.largestFile ||
    bytes > budget.largestFile.bytes ||
    (bytes === budget.largestFile.bytes && path < budget.largestFile.path)
  )
    budget.largestFile = { path, bytes };
  return entry;
}

/** A figure of the budget over one of a host's limits. */
export interface OverLimit {
  limit: keyof HostLimits;
  figure: number;
  allowed: number;
  /** What is over, in a sentence, with what to change. */
  message: string;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000_000) return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

const count = (n: number): string => n.toLocaleString("en-GB");

/** Each figure of `budget` over `host`'s limits, with what a publisher can change; none when it fits. */
export function overLimits(budget: Budget, host: Host): OverLimit[] {
  const { limits } = host;
  const over: OverLimit[] = [];
  const fewer = whatToChange(budget);
  if (limits.totalBytes !== undefined && budget.bytes > limits.totalBytes)
    over.push({
      limit: "totalBytes",
      figure: budget.bytes,
      allowed: limits.totalBytes,
      message: `The site is ${formatBytes(budget.bytes)}; ${host.name} takes at most ${formatBytes(limits.totalBytes)}. The largest parts: ${largestKinds(budget)}. To fit: ${fewer}.`,
    });
  if (limits.archiveBytes !== undefined && budget.archiveBytes > limits.archiveBytes)
    over.push({
      limit: "archiveBytes",
      figure: budget.archiveBytes,
      allowed: limits.archiveBytes,
      message: `The site is ${formatBytes(budget.archiveBytes)} as the archive ${host.name} deploys (its files ${formatBytes(budget.bytes)}, and a 512-byte header for each of its ${count(budget.entries)} files and folders, each file padded to 512 bytes); ${host.name} takes at most ${formatBytes(limits.archiveBytes)}. The largest parts: ${largestKinds(budget)}. To fit: ${fewer}.`,
    });
  if (limits.files !== undefined && budget.files > limits.files)
    over.push({
      limit: "files",
      figure: budget.files,
      allowed: limits.files,
      message: `The site has ${count(budget.files)} files; ${host.name} takes at most ${count(limits.files)}. By kind: ${kindFiles(budget)}. To fit: ${fewer}.`,
    });
  if (limits.entries !== undefined && budget.entries > limits.entries)
    over.push({
      limit: "entries",
      figure: budget.entries,
      allowed: limits.entries,
      message: `The site has ${count(budget.entries)} entries (${count(budget.files)} files and ${count(budget.folders)} folders); ${host.name} takes at most ${count(limits.entries)}. To fit: ${fewer}.`,
    });
  return [...over, ...overPerItem(budget, host)];
}

/** What a publisher can still change: only what this budget still has to leave out. */
function whatToChange(budget: Budget): string {
  const ways = [
    ...(budget.sharing.files > 0
      ? [
          "share fewer inspections' images and embed pages (`sharing` in site.yaml, docs/publishing.md), or build with --no-images",
        ]
      : []),
    ...(budget.compactable.files > 0 ? ["publish the open data compact (`openData: compact`)"] : []),
    ...(budget.csvParts.files > 0 ? ["publish the tables whole alone (`openData: bulk`)"] : []),
    ...(budget.organisationFeeds.files > 0 ? ["leave out each organisation's own feed (`feeds: site`)"] : []),
    ...(budget.byKind.search.files > 0 ? ["build with --no-search"] : []),
  ];
  return [...ways, "choose a host with a higher limit"].join(", or ");
}

function overPerItem(budget: Budget, host: Host): OverLimit[] {
  const { limits } = host;
  const over: OverLimit[] = [];
  if (limits.entriesPerFolder !== undefined && budget.fullestFolder.entries > limits.entriesPerFolder)
    over.push({
      limit: "entriesPerFolder",
      figure: budget.fullestFolder.entries,
      allowed: limits.entriesPerFolder,
      message: `The folder ${budget.fullestFolder.path}/ holds ${count(budget.fullestFolder.entries)} entries; ${host.name} takes at most ${count(limits.entriesPerFolder)} in one folder.`,
    });
  const largest = budget.largestFile;
  if (limits.fileBytes !== undefined && largest && largest.bytes > limits.fileBytes)
    over.push({
      limit: "fileBytes",
      figure: largest.bytes,
      allowed: limits.fileBytes,
      message: `${largest.path} is ${formatBytes(largest.bytes)}; ${host.name} takes files of at most ${formatBytes(limits.fileBytes)}.`,
    });
  return over;
}

function largestKinds(budget: Budget): string {
  return OUTPUT_KINDS.map((kind) => [kind, budget.byKind[kind].bytes] as const)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([kind, bytes]) => `${kind} ${formatBytes(bytes)}`)
    .join(", ");
}

function kindFiles(budget: Budget): string {
  return OUTPUT_KINDS.filter((kind) => budget.byKind[kind].files > 0)
    .map((kind) => `${kind} ${count(budget.byKind[kind].files)}`)
    .join(", ");
}

/** The budget in the build's summary: one line, then a line by kind. */
export function budgetSummary(budget: Budget): string {
  const largest = budget.largestFile
    ? `; largest file ${budget.largestFile.path} (${formatBytes(budget.largestFile.bytes)})`
    : "";
  const folder = budget.fullestFolder;
  return [
    `Budget: ${count(budget.files)} files, ${count(budget.folders)} folders (${count(budget.entries)} entries), ${formatBytes(budget.bytes)} (${formatBytes(budget.archiveBytes)} as one tar archive)${largest}; fullest folder ${folder.path}/ (${count(folder.entries)} entries).`,
    `  by kind: ${OUTPUT_KINDS.filter((kind) => budget.byKind[kind].files > 0)
      .map((kind) => `${kind} ${count(budget.byKind[kind].files)} files, ${formatBytes(budget.byKind[kind].bytes)}`)
      .join("; ")}.`,
  ].join("\n");
}
