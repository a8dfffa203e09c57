/**
 * Fitting a built site to its host, in a stated order (docs/publishing.md, "Fitting a
 * site to its host"), planned before any picture is drawn. What may be left out: the
 * inspections' own files for sharing (share images, embed pages, chart downloads:
 * src/model/sharing.ts), and, only when leaving out all of those is not enough, the open
 * data's JSON form (`openData: compact`: the tables' parts as CSV alone, no file per
 * organisation), and then its parts (`bulk`: each table whole as `.csv.gz` alone); every
 * row stays. Last, only when all that is not enough, each organisation's own feed (`feeds:
 * site`: the site's feed stays). Every explainer, every organisation's page, the lists and
 * search stay.
 *
 * The candidates, in order (`fitCandidates`):
 * 1. the site as its settings say (`sharing`, or its default for the site's size);
 * 2. each organisation's latest inspection alone (`recentYears: 0`); 3. no inspection (`none`);
 * 4. the open data compact, with the site's own sharing; then 5., 6. as 2. and 3., compact;
 * 7. to 9. the same in bulk; 10. to 18. the nine again with the site's feed alone.
 *
 * Every figure a host limits is predicted, the archive GitHub Pages deploys too
 * (src/publishing/budget.ts, `archiveBytes`): each part left out takes its files' headers
 * and padding with it.
 *
 * The pages are written and measured first with no picture drawn (src/cli/build.ts); each
 * candidate's budget is then predicted from that build (`predictBudget`): its share files'
 * sizes measured, its pictures' from the image cache or estimated (`Plan`), and the open
 * data's JSON measured. The first candidate predicted to fit is built (again, only if it is
 * not the one just built), and only then are its pictures drawn. The site as drawn is
 * measured again: a site still over its host is refused before the swap.
 */
import {
  type FeedsSetting,
  OPEN_DATA_FORMS,
  type OpenDataSetting,
  type SharingSetting,
} from "../model/site-settings.ts";
import { sharingText } from "../model/sharing.ts";
import {
  type Budget,
  formatBytes,
  type KindBudget,
  NO_PART,
  OUTPUT_KINDS,
  type OutputKind,
  type OverLimit,
  overLimits,
  type Part,
  wholeRecords,
} from "./budget.ts";
import type { Host } from "./hosts.ts";

/** The narrower settings to try, in order, after the site as `setting` (undefined: the default, never narrower than `recentYears: 0`). */
export function fitSteps(setting: SharingSetting | undefined): SharingSetting[] {
  if (setting === "none") return [];
  if (typeof setting === "object" && setting.recentYears === 0) return ["none"];
  return [{ recentYears: 0 }, "none"];
}

/** What fitting may change of a build; a field left out is the site's own setting. */
export interface FitSetting {
  sharing?: SharingSetting;
  openData?: OpenDataSetting;
  feeds?: FeedsSetting;
}

/** The site's own settings of what fitting may change (sharing left out: its default for the site's size). */
export interface OwnSettings {
  sharing: SharingSetting | undefined;
  openData: OpenDataSetting;
  feeds: FeedsSetting;
}

/**
 * Every candidate, in the order tried: the site's own, what it shares narrowed; then the
 * same with the open data compact, then in bulk (each form past the site's own); then, for
 * a site with a feed for each organisation, all of those again with the site's feed alone.
 */
export function fitCandidates(
  sharing: SharingSetting | undefined,
  openData: OpenDataSetting = "whole",
  feeds: FeedsSetting = "all",
): FitSetting[] {
  const narrower = fitSteps(sharing).map((step): FitSetting => ({ sharing: step }));
  const own: FitSetting[] = [{}, ...narrower];
  const further = OPEN_DATA_FORMS.slice(OPEN_DATA_FORMS.indexOf(openData) + 1);
  const withFeeds = [
    ...own,
    ...further.flatMap((form) => own.map((candidate): FitSetting => ({ ...candidate, openData: form }))),
  ];
  if (feeds === "site") return withFeeds;
  return [...withFeeds, ...withFeeds.map((candidate): FitSetting => ({ ...candidate, feeds: "site" }))];
}

/** What one sharing setting costs: its inspections' own files (texts as measured, pictures from the cache or estimated). */
export interface SharingCost {
  /** The setting (undefined: the site's own). */
  sharing: SharingSetting | undefined;
  files: number;
  folders: number;
  bytes: number;
  /** What they add to the site's archive (src/publishing/budget.ts, `archiveEntryBytes`). */
  archive: number;
  /** The same files by kind of output (src/publishing/budget.ts, `kindOf`). */
  byKind: Record<OutputKind, KindBudget>;
  /** Of the files, the pictures: how many and their bytes; how many are in the image cache (the rest are to be drawn), and the bytes estimated for those. */
  pictures: number;
  pictureBytes: number;
  cached: number;
  estimatedBytes: number;
}

/**
 * What is known before drawing: each candidate sharing setting's cost, and the pictures
 * every site has whatever it shares (the icons, the site's share image). Made by the
 * pages' stage from the build it wrote (src/eleventy/sharing-plugin.ts, `sharingPlan`).
 */
export interface Plan {
  costs: SharingCost[];
  common: { files: number; bytes: number; archive: number };
}

const key = (sharing: SharingSetting | undefined): string => JSON.stringify(sharing ?? "own");

function costOf(plan: Plan, sharing: SharingSetting | undefined): SharingCost {
  const cost = plan.costs.find((item) => key(item.sharing) === key(sharing));
  if (!cost) throw new Error(`The fit plan has no cost for sharing ${key(sharing)}.`);
  return cost;
}

/** The budget the same site would have with no inspection's own share files (share images, embed pages, chart downloads). */
export function withoutSharing(budget: Budget): Budget {
  const { sharing } = budget;
  return {
    ...budget,
    files: budget.files - sharing.files,
    folders: budget.folders - sharing.folders,
    entries: budget.entries - sharing.files - sharing.folders,
    bytes: budget.bytes - sharing.bytes,
    archiveBytes: wholeRecords(budget.archiveBytes - sharing.archive),
    sharing: { ...NO_PART },
  };
}

const sumParts = (parts: readonly Part[]): Part =>
  parts.reduce(
    (sum, part) => ({
      files: sum.files + part.files,
      folders: sum.folders + part.folders,
      bytes: sum.bytes + part.bytes,
      archive: sum.archive + part.archive,
    }),
    { ...NO_PART },
  );

/**
 * The budget of `candidate`, predicted from a build (`built`, made with the open data and
 * feeds of `builtWith` and no picture drawn): the build without its share files, plus the
 * candidate's share files and pictures and the site's own pictures, less the open data's
 * JSON when the candidate makes it compact, its CSV parts in bulk, and the organisations'
 * feeds with the site's feed alone; the archive less each of those parts' headers and
 * padding. The largest file and fullest folder are the build's. An explainer without its
 * own files is a little smaller than one with them, and an organisation's page without a
 * feed of its own a little smaller than one with it, so a narrower candidate is predicted
 * a little above what it will be.
 */
export function predictBudget(
  built: Budget,
  builtWith: Omit<OwnSettings, "sharing">,
  candidate: FitSetting,
  own: Omit<OwnSettings, "sharing">,
  plan: Plan,
): Budget {
  const cost = costOf(plan, candidate.sharing);
  const base = withoutSharing(built);
  // The open data's forms go whole, compact, bulk: each leaves out what the one before keeps.
  const level = (form: OpenDataSetting) => OPEN_DATA_FORMS.indexOf(form);
  const [from, to] = [level(builtWith.openData), level(candidate.openData ?? own.openData)];
  const compacting = from < 1 && to >= 1;
  const bulking = from < 2 && to >= 2;
  const siteFeedAlone = builtWith.feeds === "all" && (candidate.feeds ?? own.feeds) === "site";
  const none = { ...NO_PART };
  const dataDropped = sumParts([compacting ? built.compactable : none, bulking ? built.csvParts : none]);
  const feedsDropped = siteFeedAlone ? built.organisationFeeds : none;
  const dropped = sumParts([dataDropped, feedsDropped]);
  const files = base.files + cost.files + plan.common.files - dropped.files;
  const folders = base.folders + cost.folders - dropped.folders;
  // By kind: the build's share files out, the candidate's and the site's own pictures in, the JSON out when compacting, the feeds out.
  const byKind = Object.fromEntries(
    OUTPUT_KINDS.map((kind) => {
      const common = kind === "images" ? plan.common : { files: 0, bytes: 0 };
      const gone = kind === "open data" ? dataDropped : kind === "other" ? feedsDropped : none;
      const [was, shared, candidate] = [built.byKind[kind], built.sharingByKind[kind], cost.byKind[kind]];
      return [
        kind,
        {
          files: was.files - shared.files + candidate.files + common.files - gone.files,
          bytes: was.bytes - shared.bytes + candidate.bytes + common.bytes - gone.bytes,
        },
      ];
    }),
  ) as Record<OutputKind, KindBudget>;
  return {
    ...base,
    files,
    folders,
    entries: files + folders,
    bytes: base.bytes + cost.bytes + plan.common.bytes - dropped.bytes,
    archiveBytes: wholeRecords(
      built.archiveBytes - built.sharing.archive + cost.archive + plan.common.archive - dropped.archive,
    ),
    byKind,
    sharing: { files: cost.files, folders: cost.folders, bytes: cost.bytes, archive: cost.archive },
    sharingByKind: cost.byKind,
    compactable: compacting ? none : built.compactable,
    csvParts: bulking ? none : built.csvParts,
    organisationFeeds: siteFeedAlone ? none : built.organisationFeeds,
  };
}

/** One candidate as the plan saw it: predicted from the build named, fitting or not. */
export interface PlannedStep {
  setting: FitSetting;
  predicted: Budget;
  fits: boolean;
}

/** A site's budget after fitting: what is over still (none when it fits), the setting chosen, and the plan's steps. */
export interface FitOutcome {
  budget: Budget;
  over: OverLimit[];
  /** The first build's budget (no picture drawn, no search index, when a host was named). */
  first: Budget;
  /** The setting built and drawn; undefined when none was predicted to fit (nothing drawn). */
  chosen: FitSetting | undefined;
  /** Every candidate looked at last, with its prediction, in order; the builds made again are those in `rebuilt`. */
  planned: PlannedStep[];
  rebuilt: FitSetting[];
  plan: Plan | undefined;
  /** Whether the figures include the search index: a site over its host before it is indexed is refused without indexing it. */
  searched: boolean;
}

/** How the build is driven: write and measure the pages under a setting; index them for search; draw the pictures. */
export interface FitStages {
  /** Writes the site's pages under `setting` and measures them; `draw: false` names the pictures but draws none; `plan` asks for the Plan. */
  pages(setting: FitSetting, options: { draw: boolean; plan: boolean }): Promise<{ budget: Budget; plan?: Plan }>;
  /** Indexes the site as last written for search (nothing under --no-search), and measures it. */
  search(): Promise<Budget>;
  /** Draws the pictures of the site as last written, and measures it. */
  draw(setting: FitSetting): Promise<Budget>;
}

/**
 * Builds the site and fits it to `host`: without a host, writes it once, pictures and all.
 * With one, writes the pages without pictures and predicts each candidate; one over its
 * host before the search index is over with it (the index only adds), so the index is made
 * only for a build predicted to fit without it. Builds again only for the first candidate
 * predicted to fit, then draws its pictures and measures the result. When no candidate is
 * predicted to fit, nothing is drawn and the narrowest candidate's prediction is what is over.
 */
export async function fitToHost(
  host: Host | undefined,
  own: OwnSettings,
  stages: FitStages,
  tell: (line: string) => void,
): Promise<FitOutcome> {
  if (!host) {
    const first = (await stages.pages({}, { draw: true, plan: false })).budget;
    const budget = await stages.search();
    return { budget, over: [], first, chosen: {}, planned: [], rebuilt: [], plan: undefined, searched: true };
  }
  const candidates = fitCandidates(own.sharing, own.openData, own.feeds);
  const firstBuild = await stages.pages({}, { draw: false, plan: true });
  const plan = firstBuild.plan!;
  let at = 0;
  let built = firstBuild.budget;
  let searched = false;
  const rebuilt: FitSetting[] = [];
  for (;;) {
    const builtWith = { openData: candidates[at]!.openData ?? own.openData, feeds: candidates[at]!.feeds ?? own.feeds };
    const planned = candidates.slice(at).map((setting): PlannedStep => {
      const predicted = predictBudget(built, builtWith, setting, own, plan);
      return { setting, predicted, fits: overLimits(predicted, host).length === 0 };
    });
    const next = planned.findIndex((step) => step.fits);
    const outcome = { first: firstBuild.budget, planned, rebuilt, plan, searched };
    if (next === -1) {
      const narrowest = planned.at(-1)!.predicted;
      return { ...outcome, budget: narrowest, over: overLimits(narrowest, host), chosen: undefined };
    }
    if (next > 0) {
      at += next;
      tell(`The site does not fit ${host.name} as it is: building it again with ${settingText(candidates[at]!)}.`);
      built = (await stages.pages(candidates[at]!, { draw: false, plan: false })).budget;
      rebuilt.push(candidates[at]!);
      searched = false;
      continue;
    }
    if (!searched) {
      built = await stages.search();
      searched = true;
      continue;
    }
    return drawChosen(host, candidates[at]!, plan, stages, tell, outcome);
  }
}

/** The pictures of the candidate chosen, drawn, and the site measured as it will be published. */
async function drawChosen(
  host: Host,
  chosen: FitSetting,
  plan: Plan,
  stages: FitStages,
  tell: (line: string) => void,
  outcome: Omit<FitOutcome, "budget" | "over" | "chosen">,
): Promise<FitOutcome> {
  const cost = costOf(plan, chosen.sharing);
  tell(
    `Planned to fit ${host.name}: ${settingText(chosen)}; ${count(cost.pictures - cost.cached)} share images and chart PNGs to draw, ${count(cost.cached)} from the image cache.`,
  );
  const budget = await stages.draw(chosen);
  return { ...outcome, budget, over: overLimits(budget, host), chosen };
}

const count = (n: number): string => n.toLocaleString("en-GB");

/** A candidate in words: what is shared, the open data's form, and the feeds. */
export function settingText(setting: FitSetting): string {
  const sharing =
    setting.sharing === undefined
      ? "share files as the site's settings say"
      : `share files for ${sharingText(setting.sharing)}`;
  const openData =
    setting.openData === "compact"
      ? ", and the open data compact (its tables as CSV alone)"
      : setting.openData === "bulk"
        ? ", and the open data in bulk (each table whole as .csv.gz alone)"
        : "";
  const feeds = setting.feeds === "site" ? ", and the site's feed alone (no feed for each organisation)" : "";
  return `${sharing}${openData}${feeds}`;
}

/** For a site that does not fit whatever is left out: what would still be over, and that nothing more is left out. */
export function fitAdvice(outcome: FitOutcome, host: Host): string {
  if (outcome.chosen !== undefined || outcome.planned.length === 0) return "";
  const still = outcome.over.map((over) => over.message.split(";")[0]);
  return `  Leaving out every inspection's share image, embed page and chart downloads, the open data's JSON and CSV parts (every row staying in each table's .csv.gz), and each organisation's own feed (the site's feed staying), would not be enough for ${host.name}: even then, ${still.join("; ").replace(/^\w/, (c) => c.toLowerCase())} (predicted before drawing any picture; none was drawn). The explainers, organisation pages, search and the open data's rows are never left out: publish on a host with higher limits.`;
}

/** What the build says of what it left out to fit, against the site as its settings say. */
export function fitText(host: Host, outcome: FitOutcome): string {
  const chosen = outcome.chosen;
  if (
    !chosen ||
    (chosen.sharing === undefined && chosen.openData === undefined && chosen.feeds === undefined) ||
    !outcome.plan
  )
    return "";
  const own = costOf(outcome.plan, undefined);
  const now = costOf(outcome.plan, chosen.sharing);
  const lines = [`  To fit ${host.name}: ${settingText(chosen)}.`];
  if (chosen.sharing !== undefined)
    lines.push(
      `  Left out ${count(own.files - now.files)} files (${formatBytes(own.bytes - now.bytes)}${own.estimatedBytes > now.estimatedBytes ? `, of which ${formatBytes(own.estimatedBytes - now.estimatedBytes)} pictures at their estimated size` : ""}) of sharing, ${count(own.pictures - now.pictures)} of them pictures not drawn: share images, embed pages and chart downloads; every inspection keeps its explainer.`,
    );
  if (chosen.openData === "compact")
    lines.push(
      `  Left out ${count(outcome.first.compactable.files)} files (${formatBytes(outcome.first.compactable.bytes)}) of open data: the tables' JSON parts and the file per organisation; every row is in the CSV parts and the .csv.gz.`,
    );
  if (chosen.openData === "bulk") {
    const { compactable, csvParts } = outcome.first;
    lines.push(
      `  Left out ${count(compactable.files + csvParts.files)} files (${formatBytes(compactable.bytes + csvParts.bytes)}) of open data: the tables' parts, JSON and CSV, and the file per organisation; every row is in each table's .csv.gz.`,
    );
  }
  if (chosen.feeds === "site") {
    const feeds = outcome.first.organisationFeeds;
    lines.push(
      `  Left out ${count(feeds.files)} files (${formatBytes(feeds.bytes)}) of feeds: each organisation's own; its page names the site's feed of new inspections instead.`,
    );
  }
  lines.push("  Every explainer and organisation page, the lists and search are whole.");
  return lines.join("\n");
}
