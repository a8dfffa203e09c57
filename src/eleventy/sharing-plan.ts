/**
 * What each sharing setting would cost a host, known before a picture is drawn
 * (src/publishing/fit.ts, `Plan`): for the site as just written (pictures named, none
 * drawn), each inspection's own text files as they are on disk (its embed page and folder,
 * the chart's SVG and CSV), and its pictures (share image, chart PNG) at their size in the
 * image cache, or, for one not drawn yet, at PICTURE_ESTIMATE. Summed for each setting,
 * which are all narrower than the one written (src/publishing/fit.ts, `fitSteps`).
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { openImageCache } from "../images/image-cache.ts";
import { rasteriserIdentity } from "../images/rasterise.ts";
import { sharedInspections, sharingSetting } from "../model/sharing.ts";
import type { SharingSetting } from "../model/site-settings.ts";
import type { Inspection } from "../model/types.ts";
import {
  archiveEntryBytes,
  type KindBudget,
  kindOf,
  noKinds,
  OUTPUT_KINDS,
  type OutputKind,
} from "../publishing/budget.ts";
import type { Plan, SharingCost } from "../publishing/fit.ts";
import { sharingImages } from "../render/sharing-files.ts";
import { comparisonFileUrl, embedRootUrl, embedUrl, shareImageUrl } from "../render/urls.ts";
import { PACKAGE_FOLDER } from "../package-folder.ts";
import type { Site } from "../site.ts";
import { sharingInput } from "./sharing-plugin.ts";

/**
 * The bytes assumed for a picture not in the image cache: above the largest measured (share
 * images at most 32.0 KB on the sample and 29.7 KB on the Care Inspectorate's corpus, chart
 * PNGs 58.0 and 68.2 KB; docs/performance.md, "Pictures as small PNGs"), so that a plan errs
 * on the side of leaving out. The site's image is a share image; an icon is at most a few
 * hundred bytes.
 */
export const PICTURE_ESTIMATE = { share: 40_000, chart: 80_000, icon: 5_000 } as const;

interface InspectionCost {
  files: number;
  bytes: number;
  /** What its files and its embed page's folder add to the site's archive. */
  archive: number;
  byKind: Record<OutputKind, KindBudget>;
  /** Its embed page's folder, when it has one. */
  folder: boolean;
  pictures: number;
  pictureBytes: number;
  cached: number;
  estimatedBytes: number;
}

/**
 * The files directly in a folder of the output (`path`, root-relative with a closing '/'),
 * counted and summed, with what they and the folder add to the archive; none when it is not there.
 */
function filesIn(output: string, path: string): { files: number; bytes: number; archive: number } | undefined {
  let names: string[];
  try {
    names = readdirSync(join(output, path));
  } catch {
    return undefined;
  }
  const relative = path.slice(1);
  let bytes = 0;
  let archive = archiveEntryBytes(relative.slice(0, -1), 0, true);
  for (const name of names) {
    const size = statSync(join(output, path, name)).size;
    bytes += size;
    archive += archiveEntryBytes(`${relative}${name}`, size);
  }
  return { files: names.length, bytes, archive };
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/** Each shared inspection's own text files, as written in `output`. */
function textCosts(inspections: readonly Inspection[], output: string): Map<Inspection, InspectionCost> {
  const costs = new Map<Inspection, InspectionCost>();
  for (const inspection of inspections) {
    const byKind = noKinds();
    const embed = filesIn(output, embedUrl(inspection));
    if (embed) byKind.embeds = { files: embed.files, bytes: embed.bytes };
    let archive = embed?.archive ?? 0;
    for (const kind of ["svg", "csv"] as const) {
      const url = comparisonFileUrl(inspection, kind);
      const size = sizeOf(join(output, url));
      if (size === undefined) continue;
      const counted = byKind[kindOf(url.slice(1))];
      counted.files += 1;
      counted.bytes += size;
      archive += archiveEntryBytes(url.slice(1), size);
    }
    costs.set(inspection, {
      files: OUTPUT_KINDS.reduce((total, kind) => total + byKind[kind].files, 0),
      bytes: OUTPUT_KINDS.reduce((total, kind) => total + byKind[kind].bytes, 0),
      archive,
      byKind,
      folder: embed !== undefined,
      pictures: 0,
      pictureBytes: 0,
      cached: 0,
      estimatedBytes: 0,
    });
  }
  return costs;
}

/**
 * The plan of the site written in `output` (no picture drawn): the cost of each of
 * `settings` (the first the site's own; undefined for it), and of the site's own pictures.
 */
export function sharingPlan(
  site: Site,
  output: string,
  cacheFolder: string,
  images: boolean,
  settings: readonly (SharingSetting | undefined)[],
): Plan {
  const shared = site.model.inspections.filter(site.sharing.shared);
  const costs = textCosts(shared, output);
  const owner = new Map<string, Inspection>();
  for (const inspection of shared) {
    owner.set(shareImageUrl(inspection), inspection);
    owner.set(comparisonFileUrl(inspection, "png"), inspection);
  }
  const cache = openImageCache(cacheFolder, rasteriserIdentity(join(PACKAGE_FOLDER, "fonts")));
  const common = { files: 0, bytes: 0, archive: 0 };
  for (const image of sharingImages(sharingInput(site, images, shared))) {
    const found = cache.bytes(cache.key(image.job));
    const estimate =
      image.job.kind === "tree"
        ? PICTURE_ESTIMATE.share
        : image.url.endsWith("/comparison.png")
          ? PICTURE_ESTIMATE.chart
          : PICTURE_ESTIMATE.icon;
    const bytes = found ?? estimate;
    const archive = archiveEntryBytes(image.url.slice(1), bytes);
    const inspection = owner.get(image.url);
    const cost = inspection && costs.get(inspection);
    if (!cost) {
      common.files += 1;
      common.bytes += bytes;
      common.archive += archive;
      continue;
    }
    cost.files += 1;
    cost.bytes += bytes;
    cost.archive += archive;
    cost.byKind.images.files += 1;
    cost.byKind.images.bytes += bytes;
    cost.pictures += 1;
    cost.pictureBytes += bytes;
    if (found === undefined) cost.estimatedBytes += bytes;
    else cost.cached += 1;
  }
  const asAt = site.national.asAt;
  return {
    common,
    costs: settings.map((setting) => {
      const isShared =
        setting === undefined
          ? () => true
          : sharedInspections(sharingSetting(setting, site.model.inspections.length), site.model.organisations, asAt);
      return sumCosts(setting, shared.filter(isShared), costs);
    }),
  };
}

function sumCosts(
  setting: SharingSetting | undefined,
  inspections: readonly Inspection[],
  costs: Map<Inspection, InspectionCost>,
): SharingCost {
  const sum: SharingCost = {
    sharing: setting,
    files: 0,
    folders: 0,
    bytes: 0,
    archive: 0,
    byKind: noKinds(),
    pictures: 0,
    pictureBytes: 0,
    cached: 0,
    estimatedBytes: 0,
  };
  const organisations = new Set<string>();
  for (const inspection of inspections) {
    const cost = costs.get(inspection)!;
    sum.files += cost.files;
    sum.bytes += cost.bytes;
    sum.archive += cost.archive;
    for (const kind of OUTPUT_KINDS) {
      sum.byKind[kind].files += cost.byKind[kind].files;
      sum.byKind[kind].bytes += cost.byKind[kind].bytes;
    }
    sum.pictures += cost.pictures;
    sum.pictureBytes += cost.pictureBytes;
    sum.cached += cost.cached;
    sum.estimatedBytes += cost.estimatedBytes;
    if (!cost.folder) continue;
    // embed/<organisation>/<inspection>/ (its archive entry in the inspection's cost), and embed/<organisation>/ once.
    sum.folders += 1;
    if (!organisations.has(inspection.organisation.id)) {
      sum.folders += 1;
      sum.archive += archiveEntryBytes(`${embedRootUrl().slice(1)}${inspection.organisation.id}`, 0, true);
    }
    organisations.add(inspection.organisation.id);
  }
  return sum;
}
