/**
 * Every file a build writes for sharing, beside the pages: each inspection's share image,
 * the comparison chart as SVG and PNG and its data as CSV, the site's own image, the icon
 * drawn at the sizes browsers ask for, and the web manifest. Pictures are described here
 * (src/images/ draws them); text files are written as they are.
 *
 * Both lists are generators: a site of thousands of inspections is described one
 * inspection at a time, as the writer takes them, not all at once (docs/performance.md).
 */
import type { SiteSettings } from "../model/site-settings.ts";
import type { Inspection } from "../model/types.ts";
import { CHART_PNG_SCALE, comparisonChartSvg, comparisonCsv } from "./chart-files.ts";
import type { ImageJob } from "./image-tree.ts";
import type { Palette } from "./palette.ts";
import { inspectionShareImage, SHARE_IMAGE_SIZE, siteShareImage, type ImageSite } from "./share-image.ts";
import {
  absoluteUrl,
  comparisonFileUrl,
  iconUrl,
  inspectionUrl,
  manifestUrl,
  shareImageUrl,
  siteImageUrl,
} from "./urls.ts";

export type SharingSite = Pick<SiteSettings, "title" | "description" | "url" | "pathPrefix" | "language">;

export interface SharingInput {
  inspections: readonly Inspection[];
  site: SharingSite;
  palette: Palette;
  /** The icon's drawing (layouts/assets/icon.svg). */
  iconSvg: string;
  /** False for `npm run build -- --no-images`: no share images and no chart PNGs. */
  images: boolean;
  /** Whether an inspection has a share image, an embed page and downloads of its own (src/model/sharing.ts); left out, every one has. */
  shared?: (inspection: Inspection) => boolean;
}

/** The inspections with files of their own. */
function* sharedOf(input: SharingInput): Generator<Inspection> {
  for (const inspection of input.inspections) if (input.shared?.(inspection) ?? true) yield inspection;
}

export interface PlannedImage {
  /** Root-relative, as urls.ts gives it. */
  url: string;
  job: ImageJob;
  /** For an error message. */
  what: string;
  /** The file its words come from (an inspection's, or site.yaml), for a warning. */
  source?: string;
}

/** The sizes the icon is drawn at: a favicon, Apple's home screen icon, the manifest's two. */
export const ICON_SIZES = [32, 180, 192, 512] as const;

/** An address as readers type it: no scheme, no trailing slash. */
export function readableAddress(path: string, site: Pick<SiteSettings, "url" | "pathPrefix">): string {
  return absoluteUrl(path, site)
    .replace(/^https?:\/\//, "")
    .replace(/\/$/, "");
}

export function* sharingImages(input: SharingInput): Generator<PlannedImage> {
  const { site, palette } = input;
  for (const size of ICON_SIZES)
    yield { url: iconUrl(size), job: { kind: "svg", svg: input.iconSvg, width: size }, what: `The ${size}px icon` };
  if (!input.images) return;
  const imageSite: ImageSite = { title: site.title, address: readableAddress("/", site) };
  yield {
    url: siteImageUrl(),
    job: {
      kind: "tree",
      tree: siteShareImage({ ...imageSite, description: site.description }, palette),
      ...SHARE_IMAGE_SIZE,
    },
    what: "The site's share image",
    source: "site.yaml",
  };
  for (const inspection of sharedOf(input)) {
    const page = inspectionUrl(inspection);
    yield {
      url: shareImageUrl(inspection),
      job: { kind: "tree", tree: inspectionShareImage(inspection, imageSite, palette), ...SHARE_IMAGE_SIZE },
      what: `The share image of ${page}`,
      source: inspection.sourcePath,
    };
    const svg =
      inspection.comparison && comparisonChartSvg(inspection.comparison, palette, readableAddress(page, site));
    if (svg)
      yield {
        url: comparisonFileUrl(inspection, "png"),
        job: { kind: "svg", svg, width: 320 * CHART_PNG_SCALE },
        what: `The comparison chart of ${page}`,
        source: inspection.sourcePath,
      };
  }
}

/** The web manifest: names, colours and icons for a browser that installs the site or pins it. */
export function webManifest(site: SharingSite, palette: Palette): string {
  // Addresses relative to the manifest (at the site's root) hold under any path prefix.
  const relative = (url: string) => url.replace(/^\//, "");
  const manifest = {
    name: site.title,
    short_name: site.title,
    description: site.description,
    lang: site.language,
    start_url: "./",
    scope: "./",
    display: "browser",
    background_color: palette.bg,
    theme_color: palette.link,
    icons: [
      { src: relative(iconUrl()), sizes: "any", type: "image/svg+xml" },
      ...[192, 512].map((size) => ({ src: relative(iconUrl(size)), sizes: `${size}x${size}`, type: "image/png" })),
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The text files: each comparison's chart (SVG) and data (CSV), and the manifest. */
export function* sharingTexts(input: SharingInput): Generator<[url: string, text: string]> {
  yield [manifestUrl(), webManifest(input.site, input.palette)];
  for (const inspection of sharedOf(input)) {
    if (!inspection.comparison) continue;
    yield [comparisonFileUrl(inspection, "csv"), comparisonCsv(inspection.comparison)];
    const svg = comparisonChartSvg(
      inspection.comparison,
      input.palette,
      readableAddress(inspectionUrl(inspection), input.site),
    );
    if (svg) yield [comparisonFileUrl(inspection, "svg"), svg];
  }
}
