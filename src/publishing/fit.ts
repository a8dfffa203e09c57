/**
 * Fitting a built site to its host, in a stated order (docs/publishing.md, "Fitting a
 * site to its host"). Only what is for sharing is ever left out: the share images, embed
 * pages and chart downloads of inspections (src/model/sharing.ts). Every explainer, every
 * organisation's page, the lists, search and the open data (every part, JSON and CSV) stay.
 *
 * 1. The site as `sharing` (or its default for the site's size) says.
 * 2. Over the host's limits: each organisation's latest inspection alone (`recentYears: 0`).
 * 3. Still over: no inspection's own files (`none`): every page names the site's image.
 * 4. Still over: refused before the swap, with the figures and what would make it fit.
 *
 * A step is tried only when leaving out every inspection's own files could bring the site
 * within the limits (`withoutSharing`, measured on the build just made): a site too big for
 * its host whatever is shared is refused at once, not built three times.
 */
import type { SharingSetting } from "../model/site-settings.ts";
import { sharingText } from "../model/sharing.ts";
import { type Budget, formatBytes, type OverLimit, overLimits } from "./budget.ts";
import type { Host } from "./hosts.ts";

/** The narrower settings to try, in order, after the site as `setting` (undefined: the default, never narrower than `recentYears: 0`). */
export function fitSteps(setting: SharingSetting | undefined): SharingSetting[] {
  if (setting === "none") return [];
  if (typeof setting === "object" && setting.recentYears === 0) return ["none"];
  return [{ recentYears: 0 }, "none"];
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
    sharing: { files: 0, folders: 0, bytes: 0 },
  };
}

/** Whether narrowing what is shared could make the site fit: with none of it, would it? */
export function sharingCouldFit(budget: Budget, host: Host): boolean {
  return budget.sharing.files > 0 && overLimits(withoutSharing(budget), host).length === 0;
}

/** A built site's budget after fitting: what is over still (none when it fits), the first build's budget, and each step tried. */
export interface FitOutcome {
  budget: Budget;
  over: OverLimit[];
  first: Budget;
  tried: { sharing: SharingSetting; budget: Budget }[];
}

/**
 * Builds the site (`stage`, given the setting to override `sharing` with, or none for the
 * site's own) and, while it is over `host`'s limits and a narrower step could fit it,
 * builds it again with the next step. Without a host, builds once and checks nothing.
 */
export async function fitToHost(
  host: Host | undefined,
  setting: SharingSetting | undefined,
  stage: (sharing: SharingSetting | undefined) => Promise<Budget>,
  tell: (line: string) => void,
): Promise<FitOutcome> {
  const first = await stage(undefined);
  let budget = first;
  let over = host ? overLimits(budget, host) : [];
  const steps = host ? fitSteps(setting) : [];
  const tried: FitOutcome["tried"] = [];
  while (host && over.length > 0 && steps.length > 0 && sharingCouldFit(budget, host)) {
    const sharing = steps.shift()!;
    tell(`The site does not fit ${host.name}: building it again with share files for ${sharingText(sharing)}.`);
    budget = await stage(sharing);
    over = overLimits(budget, host);
    tried.push({ sharing, budget });
  }
  return { budget, over, first, tried };
}

/** For a site that does not fit: what leaving out every inspection's own share files would still leave over, when that is not enough. */
export function fitAdvice(budget: Budget, host: Host): string {
  if (budget.sharing.files === 0 || sharingCouldFit(budget, host)) return "";
  const still = overLimits(withoutSharing(budget), host).map((over) => over.message.split(";")[0]);
  return `  Leaving out every inspection's share image, embed page and chart downloads (${budget.sharing.files.toLocaleString("en-GB")} files, ${formatBytes(budget.sharing.bytes)}) would not be enough: without them, ${still.join("; ").replace(/^\w/, (c) => c.toLowerCase())}. The explainers, organisation pages and open data are not left out: publish on a host with higher limits.`;
}

/** What the build says of the steps it took: the setting each time, and what was left out. */
export function fitText(
  host: Host,
  first: Budget,
  steps: readonly { sharing: SharingSetting; budget: Budget }[],
): string {
  if (steps.length === 0) return "";
  const last = steps.at(-1)!.budget;
  const files = first.sharing.files - last.sharing.files;
  const bytes = first.sharing.bytes - last.sharing.bytes;
  return [
    `  To fit ${host.name}, share images, embed pages and chart downloads only for ${sharingText(steps.at(-1)!.sharing)}:`,
    `  left out ${files.toLocaleString("en-GB")} files (${formatBytes(bytes)}) of sharing; every explainer and organisation page, search and the open data are whole.`,
  ].join("\n");
}
